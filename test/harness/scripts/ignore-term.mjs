// Test script: ignores SIGTERM and waits 30 s, so only SIGKILL ends it.
process.on('SIGTERM', () => {});
process.stdout.write('ignoring SIGTERM\n');
setTimeout(() => {}, 30000);

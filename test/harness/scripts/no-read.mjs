// Test script: never reads stdin; waits argv[2] ms (default 0), prints a line, exits 0.
setTimeout(() => process.stdout.write('did not read\n'), Number(process.argv[2] ?? 0));

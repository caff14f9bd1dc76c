// Test script: writes argv[2] MiB of 'x' lines to stdout, then the marker argv[3], then exits 0.
const total = Number(process.argv[2]) * 1024 * 1024;
const block = Buffer.alloc(64 * 1024, 'x');
block[block.length - 1] = 0x0a;
let written = 0;
function pump() {
  while (written < total) {
    written += block.length;
    if (!process.stdout.write(block)) return process.stdout.once('drain', pump);
  }
  process.stdout.write(process.argv[3]);
}
pump();

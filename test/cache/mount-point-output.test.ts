import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, PROJECT_ROOT } from '../support/cli.js';

// A private mount namespace (`unshare -m`, as root here and in CI) holds a tmpfs mounted at the
// output folder, as a container's volume would be; nothing outside the test sees the mount.
const canMount = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs none /mnt']).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'contracts-mount-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!canMount)('an output folder that is a mount point', () => {
  it('gets the tree, keeps its place, and a later generate replaces its entries', () => {
    const out = join(scratch, 'generated');
    mkdirSync(out);
    const generate = `"${process.execPath}" "${CLI}" generate --no-cache --out "${out}"`;
    const script = [
      `mount -t tmpfs none "${out}"`,
      `${generate} >/dev/null 2>&1; echo "first $?"`,
      `echo stray > "${out}/stray.txt"; mkdir "${out}/stray-folder"`,
      `${generate} --check >/dev/null 2>&1; echo "drifted $?"`,
      `${generate} >/dev/null 2>&1; echo "second $?"`,
      `${generate} --check >/dev/null 2>&1; echo "check $?"`,
      `mountpoint -q "${out}"; echo "mounted $?"`,
      `ls -A "${out}" | tr '\\n' ' '; echo`,
      `ls -A "${scratch}" | tr '\\n' ' '; echo`,
    ].join('\n');
    const result = spawnSync('unshare', ['-m', 'sh', '-c', script], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    const [first, drifted, second, check, mounted, entries, beside] = result.stdout.split('\n');
    expect([first, drifted, second, check, mounted]).toStrictEqual([
      'first 0',
      'drifted 1',
      'second 0',
      'check 0',
      'mounted 0',
    ]);
    expect(entries!.trim().split(' ').sort()).toStrictEqual(
      ['docs', 'harness', 'agent', 'ir.json', 'openapi.json', 'site'].sort(),
    );
    expect(beside!.trim()).toBe('generated');
  });
});

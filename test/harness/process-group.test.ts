import { spawn } from 'node:child_process';

import { afterEach, describe, expect, test } from 'vitest';

import { isGroupAlive, signalGroup } from '../../packages/runtime/src/process/process-group.js';

const children: number[] = [];
afterEach(() => {
  for (const pid of children.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
});

describe('signalGroup and isGroupAlive', () => {
  test('signal a live group, and answer false (no exception) once it is gone', async () => {
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    children.push(child.pid!);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    const alive = [isGroupAlive(child.pid!), signalGroup(child.pid!, 'SIGTERM')];
    const signal = await exited;
    expect([
      ...alive,
      signal,
      isGroupAlive(child.pid!),
      signalGroup(child.pid!, 'SIGKILL'),
      signalGroup(1, 0),
      signalGroup(0, 'SIGKILL'),
      isGroupAlive(1),
    ]).toStrictEqual([true, true, 'SIGTERM', false, false, false, false, false]);
  });

  test('leave the stack trace limit as it was, for a signal sent and for one that failed', async () => {
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    children.push(child.pid!);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 7;
    try {
      const sent = signalGroup(child.pid!, 'SIGKILL');
      const limitAfterSent = Error.stackTraceLimit;
      await exited;
      const gone = signalGroup(child.pid!, 'SIGKILL');
      expect([sent, limitAfterSent, gone, Error.stackTraceLimit]).toStrictEqual([
        true,
        7,
        false,
        7,
      ]);
    } finally {
      Error.stackTraceLimit = saved;
    }
  });
});

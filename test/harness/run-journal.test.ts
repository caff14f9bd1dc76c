import { describe, expect, test } from 'vitest';

import { RunJournal } from '../../packages/runtime/src/harness/execution/run-journal.js';

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('RunJournal', () => {
  test('a batch writes its files, then its events in order, then its tasks', async () => {
    const log: string[] = [];
    const journal = new RunJournal(async () => undefined);
    const write = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
    };
    journal.enqueue('event', write('e1', 1));
    journal.enqueue('file', write('f1', 20));
    journal.enqueue('task', write('t1', 1));
    journal.enqueue('file', write('f2', 1));
    journal.enqueue('event', write('e2', 1));
    await journal.drain();
    expect(log).toStrictEqual([
      'start f1',
      'start f2',
      'end f2',
      'end f1',
      'start e1',
      'start e2',
      'end e1',
      'end e2',
      'start t1',
      'end t1',
    ]);
  });

  test('writes queued while a batch runs form the next batch', async () => {
    const log: string[] = [];
    const journal = new RunJournal(async () => undefined);
    journal.enqueue('file', async () => {
      await tick(10);
      log.push('f1');
      journal.enqueue('event', async () => void log.push('e2'));
      journal.enqueue('file', async () => void log.push('f2'));
    });
    journal.enqueue('event', async () => void log.push('e1'));
    await journal.drain();
    expect(log).toStrictEqual(['f1', 'e1', 'f2', 'e2']);
  });

  test('checkpoints are coalesced and at most one per interval', async () => {
    let saves = 0;
    const journal = new RunJournal(async () => {
      saves += 1;
    }, 60_000);
    journal.checkpoint();
    journal.checkpoint();
    await tick(20);
    journal.checkpoint();
    await journal.drain();
    expect(saves).toBe(1);
  });

  test('a failed write does not stop the queue; drain rethrows the first failure', async () => {
    const log: string[] = [];
    const journal = new RunJournal(async () => undefined);
    journal.enqueue('task', async () => {
      throw new Error('disk full');
    });
    journal.enqueue('task', async () => {
      throw new Error('second');
    });
    journal.enqueue('event', async () => void log.push('after'));
    await expect(journal.drain()).rejects.toThrow('disk full');
    expect(log).toStrictEqual(['after']);
  });
});

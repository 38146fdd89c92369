// One conversation's turns never overlap, and a turn that pauses lets the next one in.
import { expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue.ts';

const tick = () => new Promise((r) => setImmediate(r));

it('runs the tasks of one key in order, one at a time, and other keys alongside', async () => {
  const queue = new KeyedQueue();
  const log: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const a1 = queue.run('a', async () => {
    log.push('a1 start');
    await gate;
    log.push('a1 end');
  });
  const a2 = queue.run('a', async () => void log.push('a2'));
  const b1 = queue.run('b', async () => void log.push('b1'));
  await tick();
  expect(log).toEqual(['a1 start', 'b1']);
  expect(queue.pending('a')).toBe(2);
  open();
  await Promise.all([a1, a2, b1]);
  expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  expect(queue.pending('a')).toBe(0);
});

it('a task that releases its place lets the next task start while it carries on', async () => {
  const queue = new KeyedQueue();
  const log: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const first = queue.run('a', async (release) => {
    log.push('first speaks');
    release();
    await gate;
    log.push('first goes on');
  });
  const second = queue.run('a', async () => void log.push('second'));
  await second;
  expect(log).toEqual(['first speaks', 'second']);
  open();
  await first;
  expect(log).toEqual(['first speaks', 'second', 'first goes on']);
});

it('a failed task does not hold up the next, and idle waits for everything', async () => {
  const queue = new KeyedQueue();
  const failed = queue.run('a', async () => {
    throw new Error('storage down');
  });
  const next = queue.run('a', async () => 'ran');
  await expect(failed).rejects.toThrow('storage down');
  await expect(next).resolves.toBe('ran');
  await queue.idle();
  expect(queue.pending('a')).toBe(0);
});

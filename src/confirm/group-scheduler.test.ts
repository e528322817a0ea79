/** The group commit scheduler alone: when the next group starts, what it carries, and a failed group. */
import { describe, expect, it } from 'vitest';
import { GroupScheduler } from './group-scheduler.js';

/** A commit the test steps through: each call waits for `read()` and then `end()` of its own. */
function steppedCommit() {
  const calls: Array<{ group: string[]; read(): void; end(fail?: boolean): void }> = [];
  const commit = (group: string[], onRead: () => void) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({ group, read: onRead, end: (fail) => (fail ? reject(new Error('group failed')) : resolve(group.map((r) => `${r}:ok`))) });
    });
  return { calls, commit };
}
const tick = () => new Promise((r) => setTimeout(r, 10));
const limits = { maxRequests: 256, maxItems: 500, windowMs: 2 };

describe('group scheduler', () => {
  it('with two in flight, the next group starts once the one before has read, with everything queued until then', async () => {
    const { calls, commit } = steppedCommit();
    const s = new GroupScheduler(commit, { ...limits, inFlight: 2 });
    const a = s.add('a', 1);
    await tick();
    const [b, c] = [s.add('b', 1), s.add('c', 1)];
    await tick();
    expect(calls.map((x) => x.group)).toEqual([['a']]); // the first has not read: no second group yet
    calls[0]!.read();
    await tick();
    expect(calls.map((x) => x.group)).toEqual([['a'], ['b', 'c']]);
    const d = s.add('d', 1);
    calls[1]!.read();
    await tick();
    expect(calls).toHaveLength(2); // two in flight: d waits for one to end
    calls[0]!.end();
    await tick();
    expect(calls.map((x) => x.group)).toEqual([['a'], ['b', 'c'], ['d']]);
    calls[1]!.end();
    calls[2]!.end();
    expect(await Promise.all([a, b, c, d])).toEqual(['a:ok', 'b:ok', 'c:ok', 'd:ok']);
  });

  it('with one in flight, the next group waits for the end of the one before, read or not', async () => {
    const { calls, commit } = steppedCommit();
    const s = new GroupScheduler(commit, { ...limits, inFlight: 1 });
    const a = s.add('a', 1);
    await tick();
    const b = s.add('b', 1);
    calls[0]!.read();
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]!.end();
    await tick();
    expect(calls.map((x) => x.group)).toEqual([['a'], ['b']]);
    calls[1]!.end();
    expect(await Promise.all([a, b])).toEqual(['a:ok', 'b:ok']);
  });

  it('a failed group is committed request by request, and drain waits for all of it', async () => {
    const { calls, commit } = steppedCommit();
    const s = new GroupScheduler(commit, { ...limits, inFlight: 2 });
    const [a, b] = [s.add('a', 1).catch((e: Error) => e.message), s.add('b', 1)];
    await tick();
    calls[0]!.end(true);
    await tick();
    expect(calls.map((x) => x.group)).toEqual([['a', 'b'], ['a']]);
    let drained = false;
    const d = s.drain().then(() => (drained = true));
    calls[1]!.end(true);
    await tick();
    calls[2]!.end();
    await d;
    expect(drained).toBe(true);
    expect(await a).toBe('group failed');
    expect(await b).toBe('b:ok');
  });
});

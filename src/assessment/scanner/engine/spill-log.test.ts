/** The spill log's run copy (appendShifted): the records appendShifted writes, through spills, are append3's. */
import { afterEach, describe, expect, it } from 'vitest';
import { PartitionedLog, TempDir } from './spill-log.js';

const NONE = 0xffffffff;
let temp: TempDir;
afterEach(() => temp?.remove());

describe('PartitionedLog.appendShifted', () => {
  it('copies runs longer than its buffer, shifting record ids but NONE, as append3 one by one would', () => {
    temp = new TempDir();
    // 4 partitions, 48 bytes each in memory: every run below spills several times.
    const run = new PartitionedLog(3, 4, 4 * 48, temp);
    const one = new PartitionedLog(3, 4, 4 * 48, temp);
    const src = new Uint32Array(3 * 50);
    for (let k = 0; k < 50; k++) src.set([k * 7, k * 11, k % 5 === 0 ? NONE : k], k * 3);
    for (const [p, start, end, delta] of [[1, 0, 150, 1000], [1, 30, 90, 5], [2, 3, 9, 0]] as const) {
      run.appendShifted(p, src, start, end, delta, NONE);
      for (let i = start; i < end; i += 3) one.append3(p, src[i]!, src[i + 1]!, src[i + 2] === NONE ? NONE : src[i + 2]! + delta);
    }
    expect(run.spilledBytes).toBeGreaterThan(0);
    for (let p = 0; p < 4; p++) expect([...run.load(p)]).toEqual([...one.load(p)]);
    expect(run.load(1).length).toBe(150 + 60);
    expect(run.load(1)[2]).toBe(NONE);
    expect(run.load(1)[5]).toBe(1001);
    run.close();
    one.close();
  });
});

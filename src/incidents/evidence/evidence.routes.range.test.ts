import { describe, expect, it } from 'vitest';
import { parseRange } from './evidence.routes.js';

describe('HTTP byte ranges (RFC 9110 §14.1.2)', () => {
  it('parses single ranges into [start, end) clipped to the file', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 10 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 100 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 100 });
    expect(parseRange('bytes=95-200', 100)).toEqual({ start: 95, end: 100 });
  });
  it('rejects unsatisfiable or malformed ranges', () => {
    for (const r of ['bytes=100-', 'bytes=-', 'items=0-1', 'bytes=5-2', 'bytes=0-1,3-4']) expect(parseRange(r, 100), r).toBe('invalid');
  });
});

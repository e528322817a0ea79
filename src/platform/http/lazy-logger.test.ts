/**
 * A request's lazy logger writes exactly the lines the eager child would (bindings, redaction),
 * and makes no child for calls below the logger's level.
 */
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import { lazyChildLogger } from './lazy-logger.js';

function collecting() {
  const lines: Array<Record<string, unknown>> = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) {
        const { time: _t, ...rest } = JSON.parse(l) as Record<string, unknown>;
        lines.push(rest);
      }
      done();
    },
  });
  return { lines, log: createLogger('warn', out) };
}

describe('lazy request logger', () => {
  it('makes no child for a line the level drops, and writes what the eager child writes for one it keeps', () => {
    const lazy = collecting();
    const child = vi.spyOn(lazy.log, 'child');
    const log = lazyChildLogger(lazy.log, { reqId: 'r-1' }, {});
    log.info('dropped');
    log.debug({ route: '/x' }, 'dropped too');
    expect(child).not.toHaveBeenCalled();
    expect(log.level).toBe('warn');
    log.warn({ route: '/x', password: 'hunter2' }, 'kept');
    log.error(new Error('boom'));
    expect(child).toHaveBeenCalledTimes(1);

    const eager = collecting();
    const real = eager.log.child({ reqId: 'r-1' }, {});
    real.warn({ route: '/x', password: 'hunter2' }, 'kept');
    real.error(new Error('boom'));
    const noStack = (l: Record<string, unknown>) => ({ ...l, err: l.err ? { ...(l.err as object), stack: undefined } : undefined });
    expect(lazy.lines.map(noStack)).toEqual(eager.lines.map(noStack));
    expect(lazy.lines[0]).toMatchObject({ reqId: 'r-1', route: '/x', password: '[redacted]', msg: 'kept', level: 40 });
    expect(lazy.lines).toHaveLength(2);
  });
});

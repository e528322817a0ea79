/**
 * Preload for `breachdesk serve` (bench only): times the intake group commits on PostgreSQL from
 * the client side — BEGIN to COMMIT per connection — and counts how many are open at once and how
 * many alerts each carries (the first array parameter of the group's read, `WITH c AS …`, the same
 * statement in every tree since pgintake). Writes cumulative counters to $BENCH_PG_GROUPS every
 * 250 ms; `load.mjs` takes the difference over its steady phase (`groups` in its output).
 *
 *   BENCH_PG_GROUPS=/tmp/groups.json NODE_OPTIONS="--import=$PWD/bench/intake/pg-groups.mjs" node bench/intake/load.mjs --dialect postgresql
 *
 * Only the serve process records (the bench process loads this too, through NODE_OPTIONS). The pg
 * module patched is the one serve's own tree resolves, so the preload works for a copy of another
 * tree (a before build).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = process.env.BENCH_PG_GROUPS;
if (out && process.argv.includes('serve')) {
  const pg = createRequire(process.argv[1])('pg');
  // phases: ms summed over committed groups — BEGIN sent → lock statement sent (`toLock`), the lock
  // statement (its wait for other groups' locks: `lock`), → read sent, the read, → write sent (the
  // correlation in JavaScript and the event loop's queue), the write, → COMMIT sent, the COMMIT.
  const c = { groups: 0, alerts: 0, msSum: 0, hist: {}, overlapMs: 0, phases: {} };
  const open = new Map();
  let lastChange = performance.now();
  const account = () => {
    const now = performance.now();
    if (open.size >= 2) c.overlapMs += now - lastChange;
    lastChange = now;
  };
  const stepOf = (text) => (text.includes('pg_advisory_xact_lock') ? 'lock' : text.includes('WITH c AS') ? 'read' : text.includes('WITH ins AS') ? 'write' : null);
  const orig = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, cb) {
    const text = typeof config === 'string' ? config : config?.text;
    if (typeof text !== 'string') return orig.call(this, config, values, cb);
    const head = text.trimStart().slice(0, 12).toLowerCase();
    const now = performance.now();
    if (head.startsWith('begin')) {
      account();
      open.set(this, { t: now, last: now, alerts: 0, phases: {} });
      return orig.call(this, config, values, cb);
    }
    const g = open.get(this);
    if (!g) return orig.call(this, config, values, cb);
    const step = head.startsWith('commit') ? 'commit' : head.startsWith('rollback') ? 'rollback' : stepOf(text);
    if (step) g.phases[`to_${step}`] = now - g.last;
    if (step === 'read') {
      const params = Array.isArray(values) ? values : config?.values;
      if (Array.isArray(params?.[0])) g.alerts = params[0].length;
      // Since pgi15 the arrays go as literals (`{id1,id2,…}`; alert ids need no quoting).
      else if (typeof params?.[0] === 'string' && params[0].startsWith('{')) g.alerts = params[0] === '{}' ? 0 : params[0].split(',').length;
    }
    const done = () => {
      const end = performance.now();
      if (step) g.phases[step] = end - now;
      g.last = end;
      if (step === 'commit' || step === 'rollback') {
        account();
        open.delete(this);
        if (g.alerts && step === 'commit') {
          const ms = end - g.t;
          c.groups++;
          c.alerts += g.alerts;
          c.msSum += ms;
          const b = Math.min(1000, Math.floor(ms));
          c.hist[b] = (c.hist[b] ?? 0) + 1;
          for (const [k, v] of Object.entries(g.phases)) c.phases[k] = (c.phases[k] ?? 0) + v;
        }
      }
    };
    const r = orig.call(this, config, values, cb);
    if (r && typeof r.then === 'function') r.then(done, done);
    return r;
  };
  setInterval(() => {
    account();
    // Whole files only: load.mjs read a half-written one once.
    writeFileSync(`${out}.tmp`, JSON.stringify(c));
    renameSync(`${out}.tmp`, out);
  }, 250).unref();
}

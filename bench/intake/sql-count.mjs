/**
 * A preload that counts what SQLite does in `breachdesk serve` (or bench/intake/inject.mjs): real
 * prepares (misses of the store's statement cache) and runs per statement, their wall time, and
 * the size of each group commit (rows of its alert insert). Written as JSON to $BENCH_SQL_COUNT
 * when the process exits (serve: on SIGTERM). For the quiet-machine pair of bench/README.md
 * (sqlite15): transactions per alert and prepares per group, beside serve's CPU.
 *
 *   npm run build
 *   BENCH_SQL_COUNT=/tmp/count.json NODE_OPTIONS="--import ./bench/intake/sql-count.mjs" \
 *     node bench/intake/load.mjs --dialect sqlite --duration 15 --skip-kill
 *
 * NODE_OPTIONS reaches the bench process too; only serve (or inject.mjs) writes the file.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../package.json', import.meta.url));
const Database = require('better-sqlite3');
const out = process.env.BENCH_SQL_COUNT;
const mine = process.argv.includes('serve') || process.argv.some((a) => a.endsWith('inject.mjs'));

if (out && mine) {
  const prepares = new Map();
  const runs = new Map();
  const runNs = new Map();
  const groupSizes = new Map();
  // Statements by their head, lists of placeholders folded, so each group size counts as one statement.
  const head = (s) =>
    s
      .replace(/\s+/g, ' ')
      .replace(/\(\?(, \?)*\)(, \(\?(, \?)*\))*/g, '(…)')
      .replace(/\?(, \?)+/g, '?…')
      .slice(0, 90);
  const add = (m, k, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (source) {
    add(prepares, head(source));
    return prepare.call(this, source);
  };
  const Statement = Object.getPrototypeOf(prepare.call(new Database(':memory:'), 'select 1'));
  for (const m of ['run', 'all', 'get', 'iterate']) {
    const call = Statement[m];
    Statement[m] = function (...a) {
      const k = head(this.source);
      add(runs, k);
      if (this.source.startsWith('insert into "intake_alerts"')) add(groupSizes, this.source.split('), (').length);
      const t0 = process.hrtime.bigint();
      try {
        return call.apply(this, a);
      } finally {
        add(runNs, k, Number(process.hrtime.bigint() - t0));
      }
    };
  }
  const top = (m, f = (v) => v) => Object.fromEntries([...m].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => [k, f(v)]));
  const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  const dump = () => {
    const groups = sum(groupSizes);
    const alerts = [...groupSizes].reduce((a, [size, n]) => a + size * n, 0);
    writeFileSync(
      out,
      `${JSON.stringify({ preparesTotal: sum(prepares), runsTotal: sum(runs), groups, meanGroupAlerts: groups ? Number((alerts / groups).toFixed(1)) : 0, prepares: top(prepares), runs: top(runs), runMs: top(runNs, (v) => Number((v / 1e6).toFixed(1))), groupSizes: Object.fromEntries([...groupSizes].sort((a, b) => a[0] - b[0])) }, null, 1)}\n`,
    );
  };
  process.on('exit', dump);
  process.prependListener('SIGTERM', dump);
}

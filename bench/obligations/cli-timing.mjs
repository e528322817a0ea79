// End-to-end wall-clock of the built CLI command on the big case: a fresh `node` process that
// imports dist/obligations/obligations.cli.js, reads the facts file and prints --json.
// Usage: npx tsc -p tsconfig.build.json && node bench/obligations/cli-timing.mjs [runs]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.argv[2] ?? 5);
// Same case as big-case.ts (kept in step by hand: 60 jurisdictions × 5 element sets, 10M people).
const EEA = ['AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE','IT','LV','LT','LU','MT','NL','PL','PT','RO','SK','SI','ES','SE','IS','LI','NO'];
const US = ['CA','NY','TX','FL','MA','WA','CO','IL','VT','IA','NJ','VA','PA','OK','GA','OH','MN','AL','MD','PR'].map((s) => `US-${s}`);
const JURISDICTIONS = [...EEA, ...US, 'GB', 'CH', 'CA-ON', 'CA-QC', 'AU', 'BR', 'SG', 'JP', 'KR', 'IN'];
const SETS = [['person_name','email','phone'],['person_name','us_ssn','date_of_birth'],['person_name','health','health_insurance'],['email','password'],['person_name','payment_card','card_security_code']];
const bigCase = (total = 10_000_000) => {
  const per = Math.floor(total / JURISDICTIONS.length / SETS.length);
  const population = JURISDICTIONS.flatMap((jurisdiction) => SETS.map((elements) => ({ jurisdiction, individuals: per, elements })));
  population[0].individuals += total - per * population.length;
  return {
    version: 1, discoveredAt: '2026-03-02T15:00:00Z', awareAt: '2026-03-02T17:00:00Z',
    controller: { establishments: ['US', 'DE'], mainEstablishment: 'DE', role: 'controller', hipaa: 'covered_entity', publicCompany: true, nydfs: true, nis2Entity: 'essential' },
    breach: { types: ['confidentiality', 'availability'], access: true, acquisition: true, encrypted: false, keyCompromised: false, malicious: true },
    population, risk: { gdpr: 'high', material: true, significantIncident: true, significantHarm: true },
    materialityDeterminedAt: '2026-03-04T20:00:00Z',
  };
};
if (JURISDICTIONS.length !== 60) throw new Error('expected 60 jurisdictions');
const dir = mkdtempSync(join(tmpdir(), 'bd-bench-'));
const factsPath = join(dir, 'big.json');
writeFileSync(factsPath, JSON.stringify(bigCase()));
const cli = pathToFileURL(join(root, 'dist/obligations/obligations.cli.js')).href;
const commander = pathToFileURL(join(root, 'node_modules/commander/esm.mjs')).href;
const script = `
const t0 = performance.now();
const { Command } = await import('${commander}');
const { registerObligationsCommands } = await import('${cli}');
const p = new Command(); registerObligationsCommands(p);
let bytes = 0; const w = process.stdout.write.bind(process.stdout);
process.stdout.write = (c) => { bytes += c.length; return true; };
await p.parseAsync(['node', 'breachdesk', 'obligations', '--facts', ${JSON.stringify(factsPath)}, '--as-of', '2026-03-05', '--json']);
process.stdout.write = w;
console.log(JSON.stringify({ inProcessMs: performance.now() - t0, bytes }));`;
const times = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const wall = performance.now() - t;
  const { inProcessMs, bytes } = JSON.parse(out.trim().split('\n').pop());
  times.push(wall);
  console.log(`run ${i + 1}: process wall ${wall.toFixed(0)} ms, import+run in process ${inProcessMs.toFixed(0)} ms, ${bytes} bytes of JSON`);
}
times.sort((a, b) => a - b);
console.log(`median process wall-clock: ${times[Math.floor(times.length / 2)].toFixed(0)} ms over ${runs} runs`);

/**
 * The scale benches' leak (shards.mjs, merge.mjs): `fileCount` CSV files of `rows` records each
 * (name, e-mail, SSN, phone, state), written to `dir`; returns their paths.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeLeakCsvs(dir, fileCount, rows) {
  const files = [];
  const states = ['CA', 'TX', 'NY', 'FL', 'WA'];
  for (let f = 0; f < fileCount; f++) {
    const lines = ['name,email,ssn,phone,state'];
    for (let i = 0; i < rows; i++) {
      const n = f * 1_000_000 + i;
      lines.push(`Person ${n % 9973} Name${n % 311},user${n}@example.com,${String(100 + (n % 600)).padStart(3, '0')}-${String(10 + (n % 80)).padStart(2, '0')}-${String(1000 + (n % 9000)).padStart(4, '0')},+1 415 555 ${String(n % 10000).padStart(4, '0')},${states[n % 5]}`);
    }
    const p = join(dir, `leak-${f}.csv`);
    writeFileSync(p, `${lines.join('\n')}\n`);
    files.push(p);
  }
  return files;
}

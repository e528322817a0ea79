#!/usr/bin/env node
/**
 * A customer CSV whose names, e-mails, phones and streets are all distinct (no value pools):
 * bench/README.md, branch tables21b — the per-row work measured where no cache can hit.
 *   node bench/scan/gen-unique.mjs OUT.csv      # 70,000 rows, ≈ 8 MB
 */
import { writeFileSync } from 'node:fs';
const L = 'abcdefghijklmnopqrstuvwxyz';
const word = (i, n) => { let s = ''; for (let k = 0; k < n; k++) { s += L[i % 26]; i = Math.floor(i / 26) + k * 7; } return s[0].toUpperCase() + s.slice(1); };
const rows = ['id,full_name,email,phone,dob,street,city,state,zip'];
for (let i = 0; i < 70000; i++) {
  const a = 200 + ((i * 7919) % 800), b = 200 + ((i * 104729) % 800), c = (i * 31) % 10000;
  const y = 1930 + (i % 80), m = 1 + (i % 12), d = 1 + ((i >> 4) % 28);
  rows.push(`${i},"${word(i * 3 + 1, 6)} ${word(i * 5 + 2, 7)}",${word(i, 5).toLowerCase()}.${i}@example.org,(${a}) ${b}-${String(c).padStart(4, '0')},${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')},${1 + (i % 9000)} ${word(i * 11 + 3, 8)} Street,Springfield,IL,62${String(i % 1000).padStart(3, '0')}`);
}
writeFileSync(process.argv[2], rows.join('\n') + '\n');

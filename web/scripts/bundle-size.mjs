#!/usr/bin/env node
// Measures the web bundle: the JavaScript a first visit loads (the entry chunk and everything
// it imports statically — lazy pages excluded), gzipped at level 9, and the whole build.
//   node web/scripts/bundle-size.mjs [--max-kb 400]   (exit 1 when the initial JS is over the limit)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+)"/g)].map((m) => m[1]);
const seen = new Set();
const queue = [...entries];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports only: `import{a}from"./x.js"` / `import"./x.js"`, not `import("./x.js")`.
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(join('assets', m[1]));
}
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const initial = [...seen].reduce((s, f) => s + gz(f), 0);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const total = all.reduce((s, f) => s + gz(join('assets', f)), 0);
const css = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css')).reduce((s, f) => s + gz(join('assets', f)), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
process.stdout.write(`initial JS (gzip): ${kb(initial)} in ${seen.size} file(s): ${[...seen].join(', ')}\n`);
process.stdout.write(`all JS (gzip): ${kb(total)} in ${all.length} chunks; CSS (gzip): ${kb(css)}\n`);
const max = process.argv.includes('--max-kb') ? Number(process.argv[process.argv.indexOf('--max-kb') + 1]) : null;
if (max !== null && initial > max * 1024) {
  process.stderr.write(`initial JS ${kb(initial)} is over the ${max} KB budget\n`);
  process.exit(1);
}

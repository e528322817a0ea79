#!/usr/bin/env node
/**
 * A wide customer export whose free-text columns are not the matrix generator's: notes, agent
 * comments and delivery instructions written from @faker-js/faker's English, German and French
 * word lists (≈ 2,000–3,000 words a language: almost every cell is unique), in sentence case or
 * all lower case, with names, order numbers, times, amounts, now and then an e-mail, a phone or a
 * street in the prose; every field quoted, cells holding commas, doubled quotes and line breaks
 * (RFC 4180 §2.6–2.7). Issue 21, wide21: the free-text speed-up must not depend on gen-shapes.mjs's
 * 40-word vocabulary.
 *   node bench/scan/gen-wide-prose.mjs SIZE_MB FILE [SEED=21]
 */
import { createWriteStream } from 'node:fs';
import { fakerDE, fakerEN_US, fakerFR } from '@faker-js/faker';

const [mb = '10', file = '/tmp/wide-prose.csv', seed = '21'] = process.argv.slice(2);
const LOCALES = [fakerEN_US, fakerDE, fakerFR];
for (const [i, f] of LOCALES.entries()) f.seed(Number(seed) * 7 + i);
const main = fakerEN_US;
const pick = (a) => a[main.number.int(a.length - 1)];
const chance = (p) => main.number.float() < p;

function word(f) {
  const w = f.definitions.word;
  const kind = pick(['noun', 'noun', 'verb', 'verb', 'adjective', 'adverb', 'preposition', 'conjunction']);
  return pick(w[kind]);
}

/** One sentence of n words in locale f: sentence case or not, with now and then a name, a number, a time. */
function sentence(f, n, lower) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = main.number.float();
    if (r < 0.02) out.push(f.person.firstName());
    else if (r < 0.03) out.push(f.person.fullName());
    else if (r < 0.045) out.push(`#${main.string.numeric(main.number.int({ min: 5, max: 9 }))}`);
    else if (r < 0.055) out.push(`${main.number.int(23)}:${String(main.number.int(59)).padStart(2, '0')}`);
    else if (r < 0.065) out.push(main.finance.amount({ symbol: pick(['$', '€', '']) }));
    else if (r < 0.07) out.push(`"${word(f)}"`);
    else out.push(word(f));
    if (i < n - 1 && chance(0.06)) out[out.length - 1] += ',';
  }
  let s = out.join(' ');
  s = lower ? s.toLowerCase() : s[0].toUpperCase() + s.slice(1);
  return s + pick(['.', '.', '.', '!', '?', '']);
}

function prose(f, words, lower) {
  const parts = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, main.number.int({ min: 4, max: 16 }));
    parts.push(sentence(f, n, lower));
    left -= n;
  }
  let s = parts.join(chance(0.15) ? '\n' : ' ');
  if (chance(0.05)) s += ` Reach me at ${main.internet.email().toLowerCase()}.`;
  if (chance(0.04)) s += ` Call ${main.phone.number({ style: 'national' })} after 5.`;
  if (chance(0.04)) s += ` Ship to ${f.location.streetAddress()}, ${f.location.city()}.`;
  return s;
}

const csvq = (s) => `"${s.replace(/"/g, '""')}"`;
const header = ['id', 'customer', 'email', 'phone', 'address', 'language', 'notes', 'agent_comments', 'delivery_instructions', 'status', 'created_at'];

function row(i) {
  const li = main.number.int(LOCALES.length - 1);
  const f = LOCALES[li];
  const first = f.person.firstName();
  const last = f.person.lastName();
  const lowerNotes = chance(0.5);
  const cells = [
    String(i),
    `${first} ${last}`,
    main.internet.email({ firstName: first, lastName: last }).toLowerCase(),
    main.phone.number({ style: chance(0.5) ? 'national' : 'international' }),
    `${f.location.streetAddress(chance(0.3))}\n${f.location.zipCode()} ${f.location.city()}`,
    ['en', 'de', 'fr'][li],
    prose(f, main.number.int({ min: 15, max: 50 }), lowerNotes),
    prose(f, main.number.int({ min: 10, max: 45 }), !lowerNotes),
    prose(f, main.number.int({ min: 3, max: 15 }), chance(0.5)),
    pick(['open', 'closed', 'pending', 'escalated']),
    main.date.between({ from: '2023-01-01', to: '2025-01-01' }).toISOString(),
  ];
  return cells.map(csvq).join(',');
}

const target = Number(mb) * 1e6;
const out = createWriteStream(file);
let bytes = 0;
let chunk = `${header.join(',')}\n`;
for (let i = 1; bytes < target; i++) {
  chunk += `${row(i)}\n`;
  if (chunk.length > 1 << 20) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    chunk = '';
  }
}
out.end(chunk);

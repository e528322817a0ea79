#!/usr/bin/env node
/**
 * Benchmark inputs, generated deterministically (seeded PRNG) and streamed to disk:
 *   node bench/scan/gen-data.mjs csv  SIZE_MB OUT   12-column CSV, 6 personal columns
 *   node bench/scan/gen-data.mjs log  SIZE_MB OUT   free-text application log, sparse PII
 * Every row/line is unique (the row number drives e-mail, phone and SSN), SSNs and cards are valid.
 */
import { createWriteStream } from 'node:fs';
import { seeded } from './seeded.mjs';

const [mode, sizeMb, out] = process.argv.slice(2);
if (!['csv', 'log'].includes(mode) || !Number(sizeMb) || !out) {
  console.error('usage: gen-data.mjs csv|log SIZE_MB OUT');
  process.exit(2);
}
const target = Number(sizeMb) * 1e6;

const { rnd, int, pick } = seeded(12345);
const digits = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += int(0, 9);
  return s;
};
function luhnDigit(p) {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    let d = p.charCodeAt(p.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
/** A valid SSN unique per row number: area 001–665, group 01–99, serial 0001–9999 (658 M). */
const ssn = (k) => {
  const serial = (k % 9999) + 1;
  const group = (Math.floor(k / 9999) % 99) + 1;
  const area = (Math.floor(k / (9999 * 99)) % 665) + 1;
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
};
const card = () => {
  const p = `4${digits(14)}`;
  return p + luhnDigit(p);
};
const AREAS = ['201', '202', '205', '206', '212', '213', '214', '215', '216', '217', '301', '302', '303', '304',
  '305', '307', '308', '309', '310', '312', '313', '314', '315', '316', '317', '318', '319', '320', '401', '402',
  '404', '405', '406', '407', '408', '409', '410', '412', '413', '414', '415', '417', '419', '501', '502', '503',
  '504', '505', '507', '508', '509', '510', '512', '513', '515', '516', '517', '518', '520', '530', '602', '603',
  '605', '606', '607', '608', '609', '610', '612', '614', '615', '616', '617', '618', '619', '620', '701', '702',
  '703', '704', '706', '707', '708', '712', '713', '714', '715', '716', '717', '718', '719', '720', '801', '802',
  '803', '804', '805', '806', '808', '810', '812', '813', '814', '815', '816', '817', '818', '828'];
/** A valid NANP number unique per row number: area × exchange 200–999 × line 0000–9999. */
const phone = (k) => {
  const line = k % 10000;
  const exchange = 200 + (Math.floor(k / 10000) % 800);
  const area = AREAS[Math.floor(k / 8e6) % AREAS.length];
  return `+1 ${area}-${exchange === 555 ? 556 : exchange}-${String(line).padStart(4, '0')}`;
};
const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Anna', 'Lukas', 'Emma'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Weber', 'Evans'];
const STATUS = ['shipped', 'pending', 'cancelled', 'delivered'];
const ip = () => `${int(11, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;

const ws = createWriteStream(out, { highWaterMark: 4 << 20 });
let written = 0;
let n = 0;
function chunk() {
  const lines = [];
  for (let i = 0; i < 5000; i++, n++) {
    const f = pick(FIRST);
    const l = pick(LAST);
    if (mode === 'csv') {
      lines.push(
        `${n},${f} ${l},${f.toLowerCase()}.${l.toLowerCase()}${n}@example.com,${phone(n)},${ssn(n)},${card()},` +
          `${int(1940, 2004)}-0${int(1, 9)}-1${int(0, 9)},ORD-${digits(8)},${pick(STATUS)},${int(1, 999)}.${digits(2)},` +
          `2025-0${int(1, 9)}-1${int(0, 9)}T10:${int(10, 59)}:00Z,SKU-${digits(6)}`,
      );
    } else {
      const ts = `2026-03-1${int(0, 9)}T${int(10, 23)}:${int(10, 59)}:${int(10, 59)}.${digits(3)}Z`;
      const r = rnd();
      const email = `${f.toLowerCase()}.${l.toLowerCase()}${n}@example.com`;
      if (r < 0.15) lines.push(`${ts} INFO  auth.login user=${email} ip=${ip()} session=${digits(12)} ok`);
      else if (r < 0.2) lines.push(`${ts} WARN  billing.charge declined card=${card()} customer=${email} amount=${int(1, 999)}`);
      else if (r < 0.22) lines.push(`${ts} INFO  kyc.verify ssn=${ssn(n)} status=matched request=${digits(10)}`);
      else if (r < 0.25) lines.push(`${ts} INFO  support.callback phone=${phone(n)} ticket=${digits(7)}`);
      else lines.push(`${ts} DEBUG http.request method=GET path=/api/v1/items/${digits(6)} status=200 duration_ms=${int(1, 900)} bytes=${int(100, 90000)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
if (mode === 'csv') {
  const h = 'id,name,email,phone,ssn,card_number,date_of_birth,order_no,status,amount,created_at,sku\n';
  ws.write(h);
  written += h.length;
}
function pump() {
  while (written < target) {
    const c = chunk();
    written += c.length;
    if (!ws.write(c)) return ws.once('drain', pump);
  }
  ws.end(() => console.error(`${out}: ${(written / 1e6).toFixed(0)} MB, ${n} ${mode === 'csv' ? 'rows' : 'lines'}`));
}
pump();

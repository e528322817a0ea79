/**
 * A workbook of mostly unique shared strings (issue 21: RSS < 512 MB at 300 MB workbooks): raw
 * SpreadsheetML written part by part into DIR, one sheet of ROWS rows × 8 columns, six of its seven
 * strings a row unique; zip it with `cd DIR && zip -q -1 -r ../book.xlsx .` (2,500,000 rows: 298 MB,
 * 15 M shared strings, 362 MB of them as XML).
 *   node bench/scan/gen-xlsx-unique.mjs DIR ROWS
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
const [dir, rowsArg] = process.argv.slice(2);
const R = Number(rowsArg);
let seed = 12345;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 4294967296;
};
const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
const word = (n) => { let s = ''; for (let i = 0; i < n; i++) s += abc[(rnd() * 36) | 0]; return s; };
const cities = Array.from({ length: 300 }, () => word(8));
mkdirSync(`${dir}/xl/worksheets`, { recursive: true }); mkdirSync(`${dir}/xl/_rels`, { recursive: true }); mkdirSync(`${dir}/_rels`, { recursive: true });
writeFileSync(`${dir}/[Content_Types].xml`, '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>');
writeFileSync(`${dir}/xl/workbook.xml`, '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>');
writeFileSync(`${dir}/xl/_rels/workbook.xml.rels`, '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x" Target="sharedStrings.xml"/></Relationships>');
writeFileSync(`${dir}/xl/styles.xml`, '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>');
const sheet = createWriteStream(`${dir}/xl/worksheets/sheet1.xml`);
const sst = createWriteStream(`${dir}/xl/sharedStrings.xml`);
sheet.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
sst.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
let n = 0;
const cityIdx = [];
const put = (t) => { sstBuf.push(`<si><t>${t}</t></si>`); return n++; };
let sstBuf = [], sheetBuf = [];
for (const c of cities) cityIdx.push(put(c));
const head = ['name', 'email', 'phone', 'ssn', 'street', 'city', 'note'].map(put);
sheetBuf.push(`<row r="1"><c r="A1" t="s"><v>${put('id')}</v></c>${head.map((h, j) => `<c r="${'BCDEFGH'[j]}1" t="s"><v>${h}</v></c>`).join('')}</row>`);
const flush = async () => {
  if (!sheet.write(sheetBuf.join(''))) await once(sheet, 'drain');
  if (!sst.write(sstBuf.join(''))) await once(sst, 'drain');
  sheetBuf = []; sstBuf = [];
};
for (let i = 2; i <= R + 1; i++) {
  const name = `${word(6)} ${word(9)}`;
  const vals = [put(name), put(`${word(8)}.${i}@example.com`), put(`(${200 + ((rnd() * 700) | 0)}) ${100 + ((rnd() * 800) | 0)}-${1000 + ((rnd() * 8999) | 0)}`),
    put(`${100 + ((rnd() * 600) | 0)}-${10 + ((rnd() * 89) | 0)}-${1000 + ((rnd() * 8999) | 0)}`), put(`${(rnd() * 9999) | 0} ${word(10)} street`), cityIdx[(rnd() * 300) | 0], put(word(40))];
  sheetBuf.push(`<row r="${i}"><c r="A${i}"><v>${i}</v></c>${vals.map((v, j) => `<c r="${'BCDEFGH'[j]}${i}" t="s"><v>${v}</v></c>`).join('')}</row>`);
  if (sheetBuf.length >= 2000) await flush();
}
await flush();
sheet.end('</sheetData></worksheet>'); sst.end('</sst>');
await Promise.all([once(sheet, 'finish'), once(sst, 'finish')]);
console.log('items', n);

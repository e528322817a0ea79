/** Mutation smoke test over every format: hostile input must end cleanly (a hang fails by timeout). */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { tuning } from './dispatch.js';
import { readStream } from './index.js';
import { collect, makeTar, makeZip } from './testing.js';

beforeAll(() => {
  tuning.blockBytes = 1; // parse each random-size chunk as it comes
});

let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

it('ends every mutated input (truncated, bytes flipped, stray quotes/brackets) with progress, never crashing or hanging', async () => {
  const csv = 'id,name,notes\n1,"Ann ""A""","multi\nline"\n2,Bob,x\n';
  const json = JSON.stringify([{ a: { b: [1, 2, '"]'] } }, { c: 'd' }]);
  const ndjson = '{"a":1}\n{"b":[1,{"c":2}]}\n';
  const sql = "CREATE TABLE `t` (`a` int, `b` text);\nINSERT INTO `t` VALUES (1,'x\\'y'),(2,NULL);\nCOPY public.u (a) FROM stdin;\n1\n\\.\n";
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('S').addRow(['email']);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const tar = await makeTar([{ name: 'a.csv', data: csv }, { name: 'b.json', data: json }]);
  const samples: [string, Buffer][] = [
    ['a.csv', Buffer.from(csv)],
    ['a.json', Buffer.from(json)],
    ['a.ndjson', Buffer.from(ndjson)],
    ['a.sql', Buffer.from(sql)],
    ['a.xlsx', xlsx],
    ['a.zip', makeZip([{ name: 'x.csv', data: csv, deflate: true }, { name: 'y.sql', data: sql }])],
    ['a.tar', tar],
    ['a.tgz', zlib.gzipSync(tar)],
  ];
  let runs = 0;
  for (const [name, buf] of samples) {
    for (let k = 0; k < 60; k++) {
      const m = Buffer.from(buf);
      const mode = k % 3;
      let data = m;
      if (mode === 0) data = m.subarray(0, Math.floor(rnd() * m.length));
      else if (mode === 1) for (let j = 0; j < 1 + rnd() * 5; j++) m[Math.floor(rnd() * m.length)] = Math.floor(rnd() * 256);
      else for (let j = 0; j < 3; j++) m[Math.floor(rnd() * m.length)] = [34, 39, 10, 91, 123, 40, 59][Math.floor(rnd() * 7)];
      const size = 1 + Math.floor(rnd() * 300);
      const parts: Buffer[] = [];
      for (let i = 0; i < data.length; i += size) parts.push(data.subarray(i, i + size));
      const evs = await collect(readStream(name, Readable.from(parts), { limits: { maxLineBytes: 4096 } }));
      expect(evs.at(-1)?.kind, `${name} ${k}`).toBe('progress');
      // Every file or member that started also ended.
      const opened = evs.filter((e) => e.kind === 'file-start').map((e) => e.path);
      const closed = evs.filter((e) => e.kind === 'file-end').map((e) => e.path);
      expect(closed.sort(), `${name} ${k}`).toEqual(opened.sort());
      runs++;
    }
  }
  expect(runs).toBe(480);
}, 120_000);

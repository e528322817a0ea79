/**
 * Property-based fuzzing of every file reader (issue 19 §9), through the whole scan as the server
 * runs it: fast-check mutates a valid file of each format (truncation, bytes replaced, hostile bytes
 * inserted, random chunking) or makes one of random bytes under that name, and the scan must end —
 * a report that matches ExposureReport v1, with a bad file reported as a file error, never a
 * rejected promise, never a hang (the test's timeout).
 */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExposureReportSchema } from '../../src/assessment/scan.schema.js';
import { scan } from '../../src/assessment/scanner/engine/scan.js';
import { readStream } from '../../src/assessment/scanner/readers/index.js';
import { makeTar, makeZip } from '../../src/assessment/scanner/readers/testing.js';

const RUNS = Number(process.env.BREACHDESK_FUZZ_RUNS ?? 15);

async function samples(): Promise<[string, Buffer][]> {
  const csv = 'name,email,ssn,phone\n"Ann ""A"" Lee",ann@example.org,123-45-6780,+1 212-555-0100\nBob,bob@example.org,234-56-7891,\n';
  const json = JSON.stringify([{ name: 'Ann Lee', email: 'ann@example.org', card: '4111111111111111' }, { nested: { iban: 'DE89370400440532013000' } }]);
  const sql = "CREATE TABLE `t` (`email` text, `ssn` text);\nINSERT INTO `t` VALUES ('ann@example.org','123-45-6780'),(NULL,'x\\'y');\n";
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('S').addRows([['email', 'ssn'], ['ann@example.org', '123-45-6780']]);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const tar = await makeTar([{ name: 'a.csv', data: csv }, { name: 'b.json', data: json }]);
  return [
    ['leak.csv', Buffer.from(csv)],
    ['leak.tsv', Buffer.from(csv.replace(/,/g, '\t'))],
    ['leak.json', Buffer.from(json)],
    ['leak.ndjson', Buffer.from(`${JSON.stringify({ email: 'ann@example.org' })}\n${JSON.stringify({ ssn: '123-45-6780' })}\n`)],
    ['dump.sql', Buffer.from(sql)],
    ['sheet.xlsx', xlsx],
    ['bundle.zip', makeZip([{ name: 'x.csv', data: csv, deflate: true }, { name: 'y.sql', data: sql }])],
    ['bundle.tar', tar],
    ['bundle.tgz', zlib.gzipSync(tar)],
    ['app.log', Buffer.from('2026-01-01T00:00:00Z INFO login user=ann@example.org ip=10.1.2.3\n2026-01-01 WARN card=4111111111111111\n')],
    ['notes.txt.gz', zlib.gzipSync(Buffer.from('Call Ann at +1 212-555-0100, SSN 123-45-6780\n'))],
  ];
}

const HOSTILE_BYTES = [0x00, 0x22, 0x27, 0x0a, 0x0d, 0x5b, 0x7b, 0x28, 0x3b, 0x5c, 0xff, 0xfe, 0xef, 0xbb, 0xbf];

function mutation(buf: Buffer): fc.Arbitrary<Buffer> {
  const at = fc.integer({ min: 0, max: Math.max(0, buf.length - 1) });
  return fc.oneof(
    at.map((n) => buf.subarray(0, n)),
    fc.array(fc.tuple(at, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
      const m = Buffer.from(buf);
      for (const [i, b] of edits) m[i] = b;
      return m;
    }),
    fc.tuple(at, fc.array(fc.constantFrom(...HOSTILE_BYTES), { minLength: 1, maxLength: 64 })).map(([i, bytes]) => Buffer.concat([buf.subarray(0, i), Buffer.from(bytes), buf.subarray(i)])),
    fc.uint8Array({ minLength: 0, maxLength: 2048 }).map((a) => Buffer.from(a)),
  );
}

describe('every file reader under fast-check mutations', () => {
  it('the scan of any mutated or random file ends with a valid report', async () => {
    const inputs = await samples();
    let runs = 0;
    for (const [name, buf] of inputs) {
      await fc.assert(
        fc.asyncProperty(mutation(buf), fc.integer({ min: 1, max: 512 }), async (data, chunk) => {
          const parts: Buffer[] = [];
          for (let i = 0; i < data.length; i += chunk) parts.push(data.subarray(i, i + chunk));
          const result = await scan({
            paths: [name],
            read: (p, opts) => readStream(p, Readable.from(parts), { ...opts, bytes: data.length, limits: { ...opts.limits, maxLineBytes: 4096 } }),
            workers: 0,
          });
          runs++;
          const parsed = ExposureReportSchema.safeParse(result.report);
          if (!parsed.success) throw new Error(`${name}: report does not match v1: ${parsed.error.issues[0]?.message}`);
          return result.report.files.length >= 1;
        }),
        { numRuns: RUNS, seed: 19 },
      );
    }
    expect(runs).toBeGreaterThanOrEqual(inputs.length * RUNS);
  }, 300_000);
});

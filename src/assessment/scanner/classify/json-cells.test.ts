import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../engine/scan.js';
import { classifyColumns } from './columns.js';
import { jsonSample, parseObjectCell } from './json-cells.js';
import { detectRecord } from './record.js';

const PEOPLE = [
  { name: 'Ann Lee', email: 'ann.lee@example.com', phone: '(614) 555-0110', state: 'OH', zip: '43215' },
  { name: 'Bob Ray', email: 'bob.ray@example.org', phone: '(512) 555-0111', state: 'TX', zip: '73301' },
  { name: 'Cy Dunn', email: 'cy.dunn@example.net', phone: '(916) 555-0112', state: 'CA', zip: '94203' },
  { name: 'Di Lopez', email: 'di.lopez@example.com', phone: '(206) 555-0113', state: 'WA', zip: '98101' },
];
const payload = (p: (typeof PEOPLE)[number]) => JSON.stringify({ customer: { full_name: p.name, email: p.email, phone: p.phone }, address: { state: p.state, zip: p.zip } });

describe('JSON objects in cells', () => {
  it('parses only objects, and samples their dotted keys', () => {
    expect(parseObjectCell('{"a":1}')).toEqual({ a: 1 });
    expect(parseObjectCell('[1]')).toBeNull();
    expect(parseObjectCell('{not json}')).toBeNull();
    const s = jsonSample(PEOPLE.map(payload));
    expect(s?.keys).toEqual(['customer.full_name', 'customer.email', 'customer.phone', 'address.state', 'address.zip']);
    // Fewer than 80 % objects: not a JSON column.
    expect(jsonSample(['{"a":1}', 'plain', 'text', '{"a":2}'])).toBeNull();
  });

  it('classifies a JSON column by its keys and reads each cell as a row of them', () => {
    const [id, js] = classifyColumns('events', ['id', 'payload'], PEOPLE.map((p, i) => [String(i), payload(p)]));
    expect(id.json).toBeUndefined();
    expect(js.json?.classes.map((c) => [c.column, c.element ?? c.geo])).toEqual([
      ['payload.customer.full_name', 'person_name'],
      ['payload.customer.email', 'email'],
      ['payload.customer.phone', 'phone'],
      ['payload.address.state', 'region'],
      ['payload.address.zip', 'postal_code'],
    ]);
    const cls = [id, js];
    const r = detectRecord(cls, ['9', JSON.stringify({ customer: { full_name: 'Eve Moss', email: 'eve@example.com' }, address: { state: 'NY', zip: '12207' }, note: 'call jane.roe@example.org' })]);
    expect(r.elements.map((e) => e.element).sort()).toEqual(['email', 'email', 'person_name']);
    expect(r.geo).toMatchObject({ region: 'US-NY', postalCode: '12207' });
    // A cell that is no JSON object is still read, as text.
    expect(detectRecord(cls, ['10', 'broken {"email": "x@example.com"']).elements.map((e) => e.value)).toEqual(['x@example.com']);
  });

  describe('whole scans', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-json-cells-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const run = async (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return (await scan({ paths: [file], key: randomBytes(32), tmpDir: dir })).report;
    };
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

    it('a CSV payload column places people in their states (before: all in bare US)', async () => {
      const r = await run('events.csv', `id,payload\n${PEOPLE.map((p, i) => `${i},${csvCell(payload(p))}`).join('\n')}\n`);
      expect(r.totals.individuals).toBe(4);
      expect(r.jurisdictions).toMatchObject({ 'US-OH': 1, 'US-TX': 1, 'US-CA': 1, 'US-WA': 1 });
      expect(r.jurisdictions.US).toBeUndefined();
      expect(r.columns.map((c) => c.column)).toContain('payload.customer.email');
    });

    it('so does a jsonb column in a mysqldump INSERT', async () => {
      const sqlString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
      const rows = PEOPLE.map((p, i) => `(${i},${sqlString(payload(p))})`).join(',');
      const r = await run('dump.sql', `CREATE TABLE \`events\` (\`id\` int, \`payload\` json);\nINSERT INTO \`events\` VALUES ${rows};\n`);
      expect(r.jurisdictions).toMatchObject({ 'US-OH': 1, 'US-TX': 1, 'US-CA': 1, 'US-WA': 1 });
      expect(r.jurisdictions.US).toBeUndefined();
    });
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BadInputError } from '../platform/errors.js';
import { INCIDENT_UNAVAILABLE, runScanCommand } from './scan.cli.js';
import { ExposureReportSchema } from './scan.schema.js';

let dir: string;
let csv: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-scan-cli-'));
  csv = join(dir, 'users.csv');
  writeFileSync(
    csv,
    'name,email,ssn,state\nAnn Lee,ann.lee@example.com,219-09-9998,CA\nBo Park,bo.park@example.org,536-22-8726,NY\nAnn Lee,ann.lee@example.com,,\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function capture(fn: () => Promise<unknown>): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('breachdesk scan (in-process)', () => {
  it('prints ExposureReport v1 with --json and writes --out', async () => {
    const outFile = join(dir, 'report.json');
    const stdout = await capture(() => runScanCommand([csv], { json: true, out: outFile, workers: '0' }));
    const report = ExposureReportSchema.parse(JSON.parse(stdout));
    expect(JSON.parse(readFileSync(outFile, 'utf8'))).toEqual(report);
    expect(report.totals.records).toBe(3);
    expect(report.totals.individuals).toBe(2);
    expect(report.elements.email.distinctValues).toBe(2);
    expect(report.jurisdictions['US-CA']).toBe(1);
    expect(stdout).not.toContain('ann.lee@example.com');
    expect(stdout).not.toContain('536-22-8726');
  });

  it('prints a readable summary without --json', async () => {
    const stdout = await capture(() => runScanCommand([csv], { workers: '0' }));
    expect(stdout).toMatch(/Scanned 1 file\(s\)/);
    expect(stdout).toMatch(/individuals: 2/);
    expect(stdout).not.toContain('ann.lee@example.com');
  });

  it('scans every file below a directory', async () => {
    const stdout = await capture(() => runScanCommand([dir], { json: true, workers: '0' }));
    const report = ExposureReportSchema.parse(JSON.parse(stdout));
    expect(report.files.map((f) => f.path)).toContain(csv);
  });

  it('rejects bad usage with exit code 2 and names the file', async () => {
    const missing = join(dir, 'nope.csv');
    await expect(runScanCommand([missing], {})).rejects.toThrow(BadInputError);
    await expect(runScanCommand([missing], {})).rejects.toThrow(missing);
    await expect(runScanCommand([csv], { workers: 'two' })).rejects.toThrow(/--workers/);
    await expect(runScanCommand([csv], { customers: missing })).rejects.toThrow(/customers file not found/);
    const err = await runScanCommand([csv], { incident: 'INC-1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).message).toBe(INCIDENT_UNAVAILABLE);
    expect((err as BadInputError).exitCode).toBe(2);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectConfig, loadConfig } from './config.js';

const dir = mkdtempSync(join(tmpdir(), 'bd-config-'));

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 8080', () => {
    const c = loadConfig({ env: {}, cwd: dir });
    expect(c.port).toBe(8080);
    expect(c.dialect).toBe('sqlite');
    expect(c.dataDir).toBe(join(dir, 'data'));
    expect(c.adminEmail).toBe('admin@localhost');
  });

  it('selects PostgreSQL from BREACHDESK_DATABASE_URL', () => {
    const c = loadConfig({ env: { BREACHDESK_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' }, cwd: dir });
    expect(c.dialect).toBe('postgresql');
  });

  it('runs jobs on pg-boss whenever the store is PostgreSQL, on the embedded queue on SQLite; BREACHDESK_JOB_QUEUE overrides', () => {
    const pg = { BREACHDESK_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' };
    expect(loadConfig({ env: pg, cwd: dir }).jobQueue).toBe('pg-boss');
    expect(loadConfig({ env: {}, cwd: dir }).jobQueue).toBe('embedded');
    expect(loadConfig({ env: { ...pg, BREACHDESK_JOB_QUEUE: 'embedded' }, cwd: dir }).jobQueue).toBe('embedded');
    expect(inspectConfig({ env: { BREACHDESK_JOB_QUEUE: 'pg-boss' }, cwd: dir }).problems.map((p) => p.setting)).toEqual(['BREACHDESK_JOB_QUEUE']);
  });

  it('reports every bad value, one line each, without echoing secrets', () => {
    const { config, problems } = inspectConfig({
      env: { BREACHDESK_PORT: '99999', BREACHDESK_MASTER_KEY: 'not-a-key-secret', BREACHDESK_DATABASE_URL: 'mysql://x', BREACHDESK_ADMIN_EMAIL: 'nope' },
      cwd: dir,
    });
    expect(config).toBeNull();
    expect(problems.map((p) => p.setting).sort()).toEqual(['BREACHDESK_ADMIN_EMAIL', 'BREACHDESK_DATABASE_URL', 'BREACHDESK_MASTER_KEY', 'BREACHDESK_PORT']);
    const text = problems.map((p) => p.message).join('\n');
    expect(text).not.toContain('not-a-key-secret');
    expect(text).toContain('99999');
    for (const p of problems) expect(p.message).not.toContain('\n');
  });

  it('validates the reminder webhook URL without echoing it (it may carry a token)', () => {
    expect(loadConfig({ env: {}, cwd: dir }).reminderWebhookUrl).toBeNull();
    const ok = loadConfig({ env: { BREACHDESK_REMINDER_WEBHOOK_URL: 'https://hooks.example.org/T0/abc' }, cwd: dir });
    expect(ok.reminderWebhookUrl).toBe('https://hooks.example.org/T0/abc');
    const { config, problems } = inspectConfig({ env: { BREACHDESK_REMINDER_WEBHOOK_URL: 'ftp://hooks.example.org/s3cr3t' }, cwd: dir });
    expect(config).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ setting: 'BREACHDESK_REMINDER_WEBHOOK_URL' });
    expect(problems[0]?.message).not.toContain('s3cr3t');
  });

  it('accepts a 32-byte master key as hex or base64', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ env: { BREACHDESK_MASTER_KEY: hex }, cwd: dir }).masterKey?.length).toBe(32);
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ env: { BREACHDESK_MASTER_KEY: b64 }, cwd: dir }).masterKey?.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('reads a YAML config file, environment wins, unknown keys are reported', () => {
    const file = join(dir, 'bd.yaml');
    writeFileSync(file, 'port: 9000\nlogLevel: debug\n');
    const c = loadConfig({ env: { BREACHDESK_CONFIG: file, BREACHDESK_LOG_LEVEL: 'warn' }, cwd: dir });
    expect(c.port).toBe(9000);
    expect(c.logLevel).toBe('warn');
    writeFileSync(file, 'prot: 9000\n');
    const r = inspectConfig({ env: { BREACHDESK_CONFIG: file }, cwd: dir });
    expect(r.problems[0]?.message).toMatch(/unknown setting/);
  });

  it('throws one BadInputError naming each setting', () => {
    expect(() => loadConfig({ env: { BREACHDESK_PORT: 'abc' }, cwd: dir })).toThrow(/BREACHDESK_PORT: must be a whole number \(got "abc"\)/);
  });
});

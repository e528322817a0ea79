/**
 * Confirm from the CLI on the local store: sources, replay, triage, flows (issue 15). The commands
 * run in this process through the same commander program as the binary (test/support/cli.ts: exit
 * code, stdout, stderr as a spawned run gives them; spawning the built binary, 3–6 s a start on a
 * loaded machine, is left to the files that test the binary itself). The store starts migrated
 * (dialects.ts template), as after `breachdesk migrate`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { header, line, scenario } from '../../../src/confirm/flows/synth.js';
import { ALL_MIGRATIONS } from '../../../src/main/migrations.js';
import { cli } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../src/confirm/fixtures/${name}`, import.meta.url));

describe('confirm CLI on the local store', async () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite', { migrations: ALL_MIGRATIONS });
    env = { BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_URL: '', BREACHDESK_TOKEN: '', BREACHDESK_CANARY_DOMAIN: 'canary.example.net' };
  });
  afterAll(async () => db?.drop());

  it('adds a source, replays a file of alerts (repeats counted), and names a broken line', async () => {
    const add = await cli(['intake', 'sources', 'add', 'wazuh', '--json'], env);
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout).secret).toMatch(/^bdi_/);
    const r1 = await cli(['intake', 'replay', fixture('wazuh-alerts.ndjson'), '--source', 'wazuh'], env);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toBe('2 alert(s) accepted: 2 new, 0 repeats, 0 unparsed\n');
    const r2 = await cli(['intake', 'replay', fixture('wazuh-alerts.ndjson'), '--source', 'wazuh', '--json'], env);
    expect(JSON.parse(r2.stdout)).toMatchObject({ version: 1, accepted: 2, created: 0, repeats: 2 });
    const bad = join(db.dataDir, 'bad.ndjson');
    writeFileSync(bad, '{"title":"ok","severity":"low"}\n{"title": broken\n');
    const r3 = await cli(['intake', 'replay', bad, '--source', 'wazuh'], env);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/bad\.ndjson:2: not valid JSON/);
    expect(r3.stderr).toMatch(/1 alert\(s\) were stored before the error/);
  });

  it("sets a source's correlation lists from a file and back to the defaults; neither or both options exit 2", async () => {
    const file = join(db.dataDir, 'correlation.json');
    writeFileSync(file, JSON.stringify({ localAccounts: ['root', 'svc-*'], ignoreIps: ['127.0.0.0/8'] }));
    const set = await cli(['intake', 'sources', 'correlation', 'wazuh', '--file', file], env);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('localAccounts\troot svc-*\n');
    expect(set.stdout).toContain('ignoreIps\t127.0.0.0/8\n');
    expect(set.stdout).toMatch(/localRules\twazuh\/550 /);
    const back = await cli(['intake', 'sources', 'correlation', 'wazuh', '--defaults', '--json'], env);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout).correlation.localAccounts).toEqual(expect.arrayContaining(['root', 'www-data', 'nt authority\\*']));
    expect((await cli(['intake', 'sources', 'correlation', 'wazuh'], env)).code).toBe(2);
    expect((await cli(['intake', 'sources', 'correlation', 'wazuh', '--file', file, '--defaults'], env)).code).toBe(2);
  });

  it('lists the queue and confirms with an awareness time (a reason when earlier)', async () => {
    const list = await cli(['triage', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    const s = JSON.parse(list.stdout).items.find((x: { title: string }) => /failed authentication/.test(x.title));
    expect(s).toBeTruthy();
    const noReason = await cli(['triage', 'confirm', s.id, '--aware-at', '2025-10-23T11:00:00Z'], env);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/awareAtReason/);
    const ok = await cli(['triage', 'confirm', s.id, '--aware-at', '2025-10-23T11:00:00Z', '--reason', 'SOC ticket opened then', '--json'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ awareAt: '2025-10-23T11:00:00.000Z' });
  });

  it('triage ack, merge, split, dismiss (a reason required) and link from the CLI', async () => {
    expect((await cli(['intake', 'sources', 'add', 'edr'], env)).code).toBe(0);
    const file = join(db.dataDir, 'edr.ndjson');
    const alert = (title: string, host: string) => JSON.stringify({ title, severity: 'medium', time: '2026-05-04T08:00:00Z', hosts: [host] });
    writeFileSync(file, `${alert('Macro spawned PowerShell', 'acc-pc-1')}\n${alert('Unsigned driver loaded', 'lab-pc-9')}\n`);
    expect((await cli(['intake', 'replay', file, '--source', 'edr'], env)).stdout).toBe('2 alert(s) accepted: 2 new, 0 repeats, 0 unparsed\n');
    const items = JSON.parse((await cli(['triage', 'list', '--json'], env)).stdout).items as Array<{ id: string; title: string }>;
    const macro = items.find((x) => x.title === 'Macro spawned PowerShell')!;
    const driver = items.find((x) => x.title === 'Unsigned driver loaded')!;
    expect(JSON.parse((await cli(['triage', 'ack', macro.id, '--json'], env)).stdout)).toMatchObject({ status: 'acknowledged' });
    expect(JSON.parse((await cli(['triage', 'merge', macro.id, '--from', driver.id, '--json'], env)).stdout)).toMatchObject({ id: macro.id, alertCount: 2 });
    const shown = JSON.parse((await cli(['triage', 'show', macro.id, '--json'], env)).stdout) as { alerts: Array<{ id: string; title: string }> };
    const driverAlert = shown.alerts.find((a) => a.title === 'Unsigned driver loaded')!;
    const split = JSON.parse((await cli(['triage', 'split', macro.id, '--alert', driverAlert.id, '--json'], env)).stdout);
    expect(split).toMatchObject({ from: { id: macro.id, alertCount: 1 }, to: { alertCount: 1 } });
    const noReason = await cli(['triage', 'dismiss', split.to.id], env);
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toMatch(/--reason/);
    expect(JSON.parse((await cli(['triage', 'dismiss', split.to.id, '--reason', 'lab machine, driver signed in-house', '--json'], env)).stdout)).toMatchObject({ status: 'dismissed', reason: 'lab machine, driver signed in-house' });
    const inc = JSON.parse((await cli(['incident', 'create', '--title', 'Phishing wave', '--json'], env)).stdout);
    expect(JSON.parse((await cli(['triage', 'link', macro.id, '--incident', inc.id, '--json'], env)).stdout)).toMatchObject({ status: 'linked', incidentId: inc.id });
  });

  it('flows analyse: findings with evidence; a file of no known format exits 2', async () => {
    const file = join(db.dataDir, 'conn.log');
    writeFileSync(file, `${[...header('zeek-tsv'), ...[...scenario()].map((f, i) => line('zeek-tsv', f, i))].join('\n')}\n`);
    const r = await cli(['flows', 'analyse', file, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.findings.find((f: { kind: string }) => f.kind === 'volume')).toMatchObject({ host: '10.0.0.10' });
    const human = await cli(['flows', 'analyse', file], env);
    expect(human.stdout).toMatch(/\[volume\] 10\.0\.0\.10 sent 1200\.\d MB out/);
    const junk = join(db.dataDir, 'junk.txt');
    writeFileSync(junk, 'hello\n');
    const bad = await cli(['flows', 'analyse', junk], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/junk\.txt:1: not a Zeek conn\.log/);
    // A VPC Flow Log with a custom field list and no header line: --vpc-fields names the columns.
    const vpc = join(db.dataDir, 'vpc-custom.log');
    writeFileSync(vpc, '10.0.0.10 203.0.113.9 443 6 900000000 1773453600 OK\n10.0.0.10 198.51.100.4 443 6 1200 1773453700 OK\n');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: AWS's own log-format syntax, as a user pastes it
    const custom = await cli(['flows', 'analyse', vpc, '--json', '--vpc-fields', '${srcaddr} ${dstaddr} ${dstport} ${protocol} ${bytes} ${start} ${log-status}'], env);
    expect(custom.code, custom.stderr).toBe(0);
    expect(JSON.parse(custom.stdout)).toMatchObject({ records: 2, skipped: 0 });
    expect(JSON.parse(custom.stdout).findings.find((f: { kind: string }) => f.kind === 'large_transfer')).toMatchObject({ host: '10.0.0.10', destination: '203.0.113.9', bytes: 900_000_000 });
    const without = await cli(['flows', 'analyse', vpc], env);
    expect(without.code).toBe(2);
    // A missing file after a good one, or a missing .gz: a clear error and exit 2, no stack trace
    // (both files were opened at once and the missing one's 'error' had no listener: exit 1).
    for (const missing of ['nosuch.log', 'nosuch.log.gz']) {
      const gone = await cli(['flows', 'analyse', file, join(db.dataDir, missing), '--json'], env);
      expect(gone.code, gone.stderr).toBe(2);
      expect(gone.stderr).toMatch(new RegExp(`${missing.replace('.', '\\.')}: no such file`));
      expect(gone.stderr).not.toMatch(/\bat |node:events|ENOENT/);
      expect(gone.stdout).toBe('');
    }
    const dirIn = await cli(['flows', 'analyse', db.dataDir], env);
    expect(dirIn.code).toBe(2);
    expect(dirIn.stderr).toMatch(/is a directory/);
  });

  it('canaries: generate for two datasets, export, and the standalone scanner names the dataset a leak came from (masked)', async () => {
    const made: Record<string, Array<{ name: string; email: string; phone: string; card: string }>> = {};
    for (const ds of ['billing', 'marketing']) {
      const g = await cli(['canaries', 'generate', ds, '--planted-where', `${ds} database`, '--count', '4', '--json'], env);
      expect(g.code, g.stderr).toBe(0);
      made[ds] = JSON.parse(g.stdout).items;
    }
    const set = join(db.dataDir, 'canaries.csv');
    const ex = await cli(['canaries', 'export', '--out', set], env);
    expect(ex.code, ex.stderr).toBe(0);
    const rows = ['name,email,phone,card_number,notes'];
    for (let i = 0; i < 20; i++) rows.push(`Client Number${i},client${i}@example.com,+4420794622${String(i).padStart(2, '0')},,vip`);
    for (const c of made.billing!.slice(0, 3)) rows.push(`${c.name},${c.email},${c.phone},${c.card},`);
    const leak = join(db.dataDir, 'leak.csv');
    writeFileSync(leak, `${rows.join('\n')}\n`);
    // The scan runs standalone (no API): only the exported file tells it the canaries.
    const r = await cli(['scan', leak, '--canaries', set, '--json', '--workers', '0'], { BREACHDESK_DATA_DIR: '/nonexistent' });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.canaries).toMatchObject({ known: 8, found: 3, datasets: [{ dataset: 'billing', canariesFound: 3, canariesPlanted: 4, score: 0.75, plantedWhere: ['billing database'] }] });
    expect(report.canaries.datasets).toHaveLength(1);
    for (const c of made.billing!) expect(r.stdout).not.toContain(c.email);
    const human = await cli(['scan', leak, '--canaries', set, '--workers', '0'], {});
    expect(human.stdout).toMatch(/Canary records found: 3 of 8 — the leak came from:\n {2}billing +3 of 4 canaries, score 0\.75 \(planted in billing database\)/);
    expect(human.stdout).not.toContain(made.billing![0]!.email);
    // The server's own check says the same.
    const check = await cli(['canaries', 'check', leak, '--json'], env);
    expect(JSON.parse(check.stdout)).toMatchObject({ canaries: 3, datasets: [{ dataset: 'billing', canariesFound: 3 }] });
    const notSet = await cli(['scan', leak, '--canaries', leak], {});
    expect(notSet.code).toBe(2);
    expect(notSet.stderr).toMatch(/no "dataset" column/);
  });
});

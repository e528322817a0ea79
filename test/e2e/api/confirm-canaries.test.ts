/** Canary records over HTTP (issue 15 §4): generated per dataset, a leak names its dataset, a beacon (URL or e-mail address) raises an alert. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnValid } from '../../../src/confirm/canary-people.js';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';

type Canary = { id: string; token: string; name: string; email: string; phone: string; card: string; beaconUrl: string };

for (const dialect of testDialects()) {
  describe(`canary records on ${dialect}`, () => {
    let s: TestServer;
    let commander: string;
    const planted: Record<string, Canary[]> = {};
    beforeAll(async () => {
      s = await startTestServer(dialect, { BREACHDESK_CANARY_DOMAIN: 'canary.example.org' });
      commander = await s.tokenFor('incident_commander');
    }, 60_000);
    afterAll(async () => s?.close());

    it('generates unique canary people per dataset on the canary domain, Luhn-valid test cards', async () => {
      for (const [dataset, where] of [
        ['crm-customers', 'CRM prod, table customers'],
        ['newsletter-export', 'weekly export to the mailing vendor'],
      ]) {
        const r = await s.api('/api/v1/canaries', { token: commander, body: { dataset, count: 3, plantedWhere: where } });
        expect(r.status).toBe(201);
        planted[dataset!] = r.body.items;
      }
      const all = Object.values(planted).flat();
      expect(new Set(all.map((c) => c.email)).size).toBe(6);
      for (const c of all) {
        expect(c.email).toMatch(/@canary\.example\.org$/);
        expect(c.phone).toMatch(/^\+447700900\d{3}$/);
        expect(luhnValid(c.card)).toBe(true);
        expect(c.card.startsWith('4000')).toBe(true);
      }
      expect((await s.api('/api/v1/canaries', { token: await s.tokenFor('responder'), body: { dataset: 'x', plantedWhere: 'y' } })).status).toBe(403);
      const list = await s.api('/api/v1/canaries', { token: commander });
      expect(list.body.items).toMatchObject([
        { dataset: 'crm-customers', canaries: 3, plantedWhere: ['CRM prod, table customers'] },
        { dataset: 'newsletter-export', canaries: 3 },
      ]);
      // No canary value is in the store in clear.
      const rows = JSON.stringify(await s.platform.store.db.selectFrom('intake_canaries' as never).selectAll().execute());
      expect(rows).not.toContain(all[0]!.email);
      expect(rows).not.toContain(all[0]!.card);
    });

    it('a scanned leak holding planted canaries names the dataset it came from', async () => {
      const rows = ['full_name,email,phone,card'];
      for (let i = 0; i < 40; i++) rows.push(`Person ${i},person${i}@example.com,+4420794600${String(i).padStart(2, '0')},`);
      for (const c of planted['crm-customers']!) rows.push(`${c.name},${c.email},${c.phone},${c.card}`);
      const r = await s.api('/api/v1/canaries/check?name=dump.csv', { token: commander, body: `${rows.join('\n')}\n`, headers: { 'content-type': 'text/csv' } });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ version: 1, canaries: 3, datasets: [{ dataset: 'crm-customers', canariesFound: 3, canariesPlanted: 3, score: 1, plantedWhere: ['CRM prod, table customers'] }] });
      expect(r.body.datasets).toHaveLength(1);
      const clean = await s.api('/api/v1/canaries/check?name=clean.csv', { token: commander, body: 'email\nnobody@example.com\n', headers: { 'content-type': 'text/csv' } });
      expect(clean.body).toMatchObject({ canaries: 0, datasets: [] });
    });

    it('keeps the uploaded leak encrypted in its temp file while the check runs (issue 18 §3), and deletes it', async () => {
      const c = planted['crm-customers']![0]!;
      const own = mkdtempSync(join(tmpdir(), 'canary-tmp-'));
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = own; // the server runs in this process: its temp files go here
      try {
        const leakFiles = () => readdirSync(own).filter((d) => d.startsWith('bd-leak-')).flatMap((d) => readdirSync(join(own, d)).map((f) => join(own, d, f)));
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        // The body arrives in two parts; between them the temp file holds the first, canary included.
        const body = new ReadableStream<Uint8Array>({
          async start(ctl) {
            ctl.enqueue(Buffer.from(`full_name,email,phone\n${c.name},${c.email},${c.phone}\n`));
            await held;
            ctl.enqueue(Buffer.from('Someone Else,someone@example.com,\n'));
            ctl.close();
          },
        });
        const res = fetch(`${s.url}/api/v1/canaries/check?name=slow.csv`, { method: 'POST', body, duplex: 'half', headers: { authorization: `Bearer ${commander}`, 'content-type': 'text/csv' } } as RequestInit);
        await waitFor(async () => leakFiles().some((f) => statSync(f).size > 0));
        const [file] = leakFiles();
        const onDisk = readFileSync(file!);
        expect(onDisk.length).toBeGreaterThan(c.email.length);
        expect(onDisk.includes(c.email)).toBe(false);
        expect(onDisk.includes('full_name')).toBe(false);
        release();
        const r = await res;
        expect(r.status).toBe(200);
        expect(await r.json()).toMatchObject({ canaries: 1, datasets: [{ dataset: "crm-customers", canariesFound: 1 }] });
        expect(leakFiles()).toEqual([]);
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
        rmSync(own, { recursive: true, force: true });
      }
    });

    it("an assessment of an incident's evidence names the dataset whose canaries the leak holds, masked, with counts and a score", async () => {
      const rows = ['first_name,last_name,email,phone,card_number,city'];
      for (let i = 0; i < 25; i++) rows.push(`Real${i},Customer${i},real${i}@example.com,+4420794611${String(i).padStart(2, '0')},,Leeds`);
      const [a0, a1] = planted['crm-customers']!;
      for (const c of [a0!, a1!]) {
        const [first, last] = c.name.split(' ');
        rows.splice(7, 0, `${first},${last},${c.email},${c.phone},${c.card},Leeds`);
      }
      const inc = await s.api('/api/v1/incidents', { token: commander, body: { title: 'Customer list on a paste site' } });
      expect(inc.status).toBe(201);
      const up = await fetch(`${s.url}/api/v1/incidents/${inc.body.id}/evidence?name=paste.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${commander}`, 'content-type': 'application/octet-stream' },
        body: `${rows.join('\n')}\n`,
      });
      expect(up.status).toBe(201);
      const started = await s.api(`/api/v1/incidents/${inc.body.id}/assessments`, { token: commander, body: { evidenceIds: [((await up.json()) as { id: string }).id] } });
      expect(started.status).toBe(202);
      const done = await waitFor(async () => {
        const r = await s.api(`/api/v1/assessments/${started.body.id}`, { token: commander });
        return r.body.status === 'done' || r.body.status === 'failed' ? r.body : null;
      });
      expect(done.status).toBe('done');
      expect(done.report.canaries).toEqual({
        known: 6,
        found: 2,
        datasets: [
          {
            dataset: 'crm-customers',
            plantedWhere: ['CRM prod, table customers'],
            canariesFound: 2,
            canariesPlanted: 3,
            score: 0.667,
            matchedOn: { email: 2, payment_card: 2 },
            samples: expect.arrayContaining([`${a0!.email[0]}***@canary.example.org`]),
          },
        ],
      });
      // The canaries count as people of the leak, and nothing of theirs is shown in clear.
      expect(done.report.totals.individuals).toBe(27);
      const json = JSON.stringify(done.report);
      for (const c of [a0!, a1!]) for (const v of [c.email, c.card, c.phone]) expect(json).not.toContain(v);
      const events = await s.platform.audit.list({ incidentId: inc.body.id });
      expect(events.find((e) => e.action === 'assessment.completed')?.after).toMatchObject({ canaryDatasets: ['crm-customers'] });
    });

    it('exports the canary set as CSV for the standalone scanner (commanders, audited)', async () => {
      expect((await s.api('/api/v1/canaries/export', { token: await s.tokenFor('responder') })).status).toBe(403);
      const r = await fetch(`${s.url}/api/v1/canaries/export`, { headers: { authorization: `Bearer ${commander}` } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (await r.text()).trim().split('\n');
      expect(lines[0]).toBe('canary_id,dataset,planted_where,name,email,phone,card_number');
      expect(lines).toHaveLength(7);
      const c = planted['newsletter-export']![1]!;
      expect(lines).toContain(`${c.id},newsletter-export,weekly export to the mailing vendor,${c.name},${c.email},${c.phone},${c.card}`);
      expect((await s.platform.audit.list({ subjectType: 'canary_dataset' })).map((e) => e.action)).toContain('canary.exported');
    });

    it('fetching a canary beacon (no sign-in) raises a critical alert into triage', async () => {
      const c = planted['newsletter-export']![0]!;
      const path = new URL(c.beaconUrl).pathname;
      const r = await fetch(`${s.url}${path}.png`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/gif');
      expect((await fetch(`${s.url}/api/v1/canaries/beacon/nottoken`)).status).toBe(404);
      const queue = await s.api('/api/v1/triage/suspects', { token: commander });
      expect(queue.body.items.find((x: { title: string }) => x.title === 'Canary record touched: dataset newsletter-export')).toMatchObject({ severity: 'critical', score: 90 });
      const list = await s.api('/api/v1/canaries', { token: commander });
      expect(list.body.items[1].lastHitAt).not.toBeNull();
    });

    it('mail to a canary address (forwarded by the mail system, no sign-in) raises a critical alert naming the dataset; other mail raises nothing', async () => {
      const c = planted['crm-customers']![1]!;
      const suspects = async () => (await s.api('/api/v1/triage/suspects?limit=200', { token: commander })).body.items as Array<{ id: string; title: string; severity: string; score: number }>;
      const before = (await suspects()).length;
      const other = await s.api('/api/v1/canaries/mail', { body: { to: 'someone@canary.example.org', from: 'x@example.net', subject: 'hi' } });
      expect(other.status).toBe(202);
      expect(other.body).toEqual({ received: true });
      expect((await suspects()).length).toBe(before);
      const hit = await s.api('/api/v1/canaries/mail', { body: { to: [`"${c.name}" <${c.email.toUpperCase()}>`, 'someone@canary.example.org'], from: 'Phisher <bulk@spam.example.net>', subject: 'Your account' } });
      expect(hit.status).toBe(202);
      expect(hit.body).toEqual({ received: true });
      const s1 = (await suspects()).find((x) => x.title === 'Canary e-mail address received mail: dataset crm-customers');
      expect(s1).toMatchObject({ severity: 'critical', score: 90 });
      const detail = await s.api(`/api/v1/triage/suspects/${s1!.id}`, { token: commander });
      expect(detail.body.alerts[0]).toMatchObject({ kind: 'canary', severity: 'critical' });
      const alert = await s.api(`/api/v1/intake/alerts/${detail.body.alerts[0].id}?unmask=true`, { token: commander });
      expect(alert.body.emails).toEqual([c.email, 'bulk@spam.example.net']);
      expect((await s.api('/api/v1/canaries/mail', { body: { subject: 'no recipient' } })).status).toBe(400);
    });
  });
}

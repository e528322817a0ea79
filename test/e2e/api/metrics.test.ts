/**
 * Observability (issue 18 §6) over real HTTP on each dialect: /metrics is scraped as Prometheus
 * would (bearer token), after a real scan, a queued job and a legal deadline, and shows every
 * family with figures that follow from what happened; liveness and readiness answer apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';
const CSV = ['name,email,phone,country', 'Anna Schmidt,anna@example.org,+49 30 901820,DE', 'Bernd Weber,bernd@example.org,+49 89 233000,DE'].join('\n');

/** The value of one sample line `name{labels} value` (labels given in full, as prom-client prints them). */
function sample(text: string, name: string, labels = ''): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

for (const dialect of testDialects()) {
  describe(`/metrics and health on ${dialect}`, () => {
    let s: TestServer;
    let token: string;
    beforeAll(async () => {
      s = await startTestServer(dialect, { BREACHDESK_METRICS_TOKEN: METRICS_TOKEN });
      // Queue depth and age come from whichever engine runs: the embedded queue on SQLite, pg-boss on PostgreSQL.
      expect(s.config.jobQueue).toBe(dialect === 'postgresql' ? 'pg-boss' : 'embedded');
      token = await s.tokenFor('incident_commander');
    });
    afterAll(async () => s?.close());

    const scrape = (bearer?: string) => fetch(`${s.url}/metrics`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

    it('refuses scrapers without the metrics token or an admin token', async () => {
      expect((await scrape()).status).toBe(401);
      expect((await scrape('not-a-token')).status).toBe(401);
      expect((await scrape(token)).status).toBe(403);
      expect((await scrape(await s.tokenFor('admin'))).status).toBe(200);
    });

    it('shows request latency, jobs, scan throughput, outbox and deadlines', async () => {
      // A deadline within 24 h: an incident the organisation became aware of 60 hours ago owes
      // GDPR Art. 33's 72-hour notice to its supervisory authority in 12 hours.
      await s.api('/api/v1/org/profile', { method: 'PUT', token: await s.tokenFor('admin'), body: { establishments: ['DE'] } });
      const aware = new Date(Date.now() - 60 * 3_600_000).toISOString();
      const inc = await s.api('/api/v1/incidents', { token, body: { title: 'Leaked export', awareAt: aware } });
      expect(inc.status).toBe(201);
      const id = inc.body.id as string;
      const up = await fetch(`${s.url}/api/v1/incidents/${id}/evidence?name=customers.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: CSV,
      });
      const item = (await up.json()) as { id: string };
      const started = await s.api(`/api/v1/incidents/${id}/assessments`, { token, body: { evidenceIds: [item.id] } });
      expect(started.status).toBe(202);
      // The scan is a background job: in the full suite, two test files run beside it (one may be a
      // crash test starting servers), and 30 s was once not enough on PostgreSQL.
      await waitFor(async () => {
        const r = await s.api(`/api/v1/assessments/${started.body.id}`, { token });
        return r.body.status === 'done' ? r.body : null;
      }, 120_000);
      // A job no worker serves, due an hour ago: the queue's depth and age must show it.
      await s.platform.jobs.send('metrics.test.idle', {}, { runAt: new Date(Date.now() - 3_600_000) });

      const text = await waitFor(async () => {
        const r = await scrape(METRICS_TOKEN);
        expect(r.status).toBe(200);
        expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
        const t = await r.text();
        return (sample(t, 'breachdesk_deadlines', '{window="due_24h"}') ?? 0) > 0 ? t : null;
      });
      expect(text).toMatch(/^breachdesk_http_request_duration_seconds_bucket\{.*route="\/api\/v1\/incidents\/:id\/assessments".*\} \d+/m);
      expect(sample(text, 'breachdesk_jobs', '{queue="metrics.test.idle",state="queued"}')).toBe(1);
      expect(sample(text, 'breachdesk_jobs_oldest_queued_age_seconds', '{queue="metrics.test.idle"}')).toBeGreaterThanOrEqual(3_500);
      expect(sample(text, 'breachdesk_scan_bytes_total')).toBeGreaterThan(0);
      expect(sample(text, 'breachdesk_scan_seconds_total')).toBeGreaterThan(0);
      expect(sample(text, 'breachdesk_outbox_messages', '{state="queued"}')).toBe(0);
      expect(sample(text, 'breachdesk_deadlines', '{window="overdue"}')).toBe(0);
      expect(sample(text, 'breachdesk_process_resident_memory_bytes')).toBeGreaterThan(0);
      // Ids never become label values (the raw URL of the upload carried the incident id).
      expect(text).not.toContain(id);
    }, 180_000);

    it('answers liveness and readiness apart', async () => {
      const live = await fetch(`${s.url}/api/health/live`);
      expect(live.status).toBe(200);
      expect(((await live.json()) as { status: string }).status).toBe('ok');
      const ready = await fetch(`${s.url}/api/health/ready`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { database: string }).database).toBe(dialect);
    });
  });
}

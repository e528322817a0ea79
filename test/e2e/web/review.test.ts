/**
 * The post-incident review in the browser: an incident closed with a review written through the
 * API; the Review page shows the same metrics, chosen timeline, root cause and action items as the
 * API, saves edits, and links the four report formats (each answering with its file type).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookSink } from '../../support/webhook-sink.js';
import { screenshot, seriousA11yViolations, signIn, startWeb, type WebHarness } from './browser.js';

const HOUR = 3_600_000;

describe('web: post-incident review', () => {
  let h: WebHarness;
  let id = '';
  let token = '';
  const t0 = Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR;
  const at = (n: number) => new Date(t0 + n * HOUR).toISOString();

  beforeAll(async () => {
    h = await startWeb();
    await h.user('lead', ['incident_commander']);
    token = await h.server.tokenFor('incident_commander', 'lead');
    const api = (path: string, init: { method?: string; body?: unknown } = {}) => h.server.api(path, { token, ...init });
    id = (await api('/api/v1/incidents', { body: { title: 'Payroll export leaked', detectedAt: at(10), awareAt: at(12), status: 'confirmed' } })).body.id;
    await api(`/api/v1/incidents/${id}/timeline`, { body: { kind: 'attacker_activity', at: at(2), text: 'Phishing e-mail opened by a payroll clerk' } });
    await api(`/api/v1/incidents/${id}/status`, { body: { status: 'contained', at: at(18) } });
    await api(`/api/v1/incidents/${id}/status`, { body: { status: 'closed', at: at(30) } });
    await api(`/api/v1/incidents/${id}/costs`, { body: { vendor: 'Bit Detectives', amount: '4200', currency: 'EUR', category: 'forensics', incurredOn: at(20).slice(0, 10) } });
    const action = await api(`/api/v1/incidents/${id}/review/actions`, { body: { title: 'Phishing drill for payroll', dueAt: at(24 * 14) } });
    const timeline = (await api(`/api/v1/incidents/${id}/timeline`)).body.items as Array<{ id: string; kind: string }>;
    const saved = await api(`/api/v1/incidents/${id}/review`, {
      method: 'PUT',
      body: {
        summary: 'A phishing e-mail gave access to the payroll export.',
        timelineIds: timeline.filter((e) => e.kind === 'attacker_activity').map((e) => e.id),
        rootCauses: [{ cause: 'No phishing-resistant MFA on payroll', remediationTaskIds: [action.body.actionItems[0].taskId] }],
        wentBadly: 'The report sat unread overnight.',
      },
    });
    expect(saved.status, saved.text).toBe(200);
  });
  afterAll(async () => h?.close());

  it('shows the same review and metrics as the API, saves an edit, and links all four report formats', async () => {
    const { page } = await h.newPage();
    await signIn(page, 'lead', 'correct horse battery staple', `/incidents/${id}/review`);
    await page.getByRole('heading', { name: 'Post-incident review' }).waitFor();
    const metrics = page.getByRole('region', { name: 'Metrics' });
    await expect.poll(() => metrics.textContent()).toContain('Time to contain6 h');
    expect(await metrics.textContent()).toContain('Time to detect10 h');
    expect(await metrics.textContent()).toContain('4200.00 EUR');
    const review = page.getByRole('region', { name: 'Review' });
    expect(await page.getByLabel('Summary', { exact: true }).inputValue()).toBe('A phishing e-mail gave access to the payroll export.');
    expect(await review.textContent()).toContain('Phishing e-mail opened by a payroll clerk');
    expect(await review.textContent()).toContain('No phishing-resistant MFA on payroll (1 remediation task(s))');
    expect(await review.getByRole('row', { name: /Phishing drill for payroll/ }).textContent()).toContain('Open');
    expect(await review.textContent()).not.toContain('Privileged notes');

    await page.getByLabel('What went well').fill('Forensics retained within 2 hours.');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.getByText('Review saved.').waitFor();
    expect((await h.server.api(`/api/v1/incidents/${id}/review`, { token })).body.wentWell).toBe('Forensics retained within 2 hours.');

    await page.getByLabel('New action item').fill('Rotate payroll API keys');
    await page.getByRole('button', { name: 'Add action item' }).click();
    await review.getByRole('row', { name: /Rotate payroll API keys/ }).waitFor();

    for (const [f, type] of [
      ['MD', 'text/markdown'],
      ['HTML', 'text/html'],
      ['PDF', 'application/pdf'],
      ['DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const href = await page.getByRole('link', { name: `Post-incident report as ${f}` }).getAttribute('href');
      const r = await page.request.get(href!);
      expect(r.status(), f).toBe(200);
      expect(r.headers()['content-type'], f).toContain(type);
    }
    const html = await (await page.request.get(`/api/v1/incidents/${id}/reports/post-incident?format=html`)).text();
    expect(html).toContain('Phishing e-mail opened by a payroll clerk');
    expect(html).toContain('Forensics retained within 2 hours.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'review');
  });

  it('starts a drill from the Drills page and shows its events and score', async () => {
    const { page } = await h.newPage();
    await signIn(page, 'lead', 'correct horse battery staple', '/drills');
    await page.getByRole('heading', { name: 'Drills' }).waitFor();
    await page.getByLabel('Scenario').selectOption('insider-export');
    await page.getByRole('button', { name: 'Start drill' }).click();
    await page.getByRole('link', { name: 'insider-export' }).waitFor();
    await page.getByText(/DLP alert: 12,000 rows exported/).waitFor();
    await page.getByText(/^Score \d+% · events injected \d\/3/).waitFor();
    const drills = (await h.server.api('/api/v1/drills', { token })).body.items;
    expect(drills.map((d: { scenario: string }) => d.scenario)).toEqual(['insider-export']);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('drafts, edits and sends a stakeholder update on the incident page; an external draft waits for someone else to approve it', async () => {
    const sink = await startWebhookSink();
    try {
      const admin = await h.server.tokenFor('admin');
      expect((await h.server.api('/api/v1/update-audiences/executives', { method: 'PUT', token: admin, body: { webhooks: [{ format: 'slack', url: `${sink.url}/slack/board` }] } })).status).toBe(200);
      const inc = (await h.server.api('/api/v1/incidents', { token, body: { title: 'Badge system breach', awareAt: at(40), status: 'confirmed' } })).body.id;
      const { page } = await h.newPage();
      await signIn(page, 'lead', 'correct horse battery staple', `/incidents/${inc}`);
      const section = page.getByRole('region', { name: 'Stakeholder updates' });
      await section.getByLabel('Audience').selectOption('executives');
      await section.getByRole('button', { name: 'Draft update' }).click();
      const card = section.getByRole('listitem', { name: 'Update to Executives' });
      await card.getByLabel('Subject').fill('Board update: badge system breach');
      await card.getByRole('button', { name: 'Save draft' }).click();
      await card.getByText(/· v2 ·/).waitFor();
      await card.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => sink.hooks.length, { timeout: 30_000 }).toBe(1);
      expect(sink.hooks[0]!.body).toMatchObject({ text: 'Board update: badge system breach' });
      await card.getByText(/· sent ·.*delivery: 1 sent/).waitFor({ timeout: 30_000 });

      await section.getByLabel('Audience').selectOption('account_team');
      await section.getByRole('button', { name: 'Draft update' }).click();
      const external = section.getByRole('listitem', { name: "Update to Customers' account team" });
      await external.getByText('You drafted or edited this update: someone else approves it.').waitFor();
      expect(await external.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      expect(await external.getByRole('button', { name: 'Send' }).count()).toBe(0);
      await section.getByLabel('Every (hours)').fill('4');
      await section.getByLabel('contained').check();
      await section.getByRole('button', { name: 'Schedule updates' }).click();
      await section.getByRole('list', { name: 'Update schedules' }).getByText(/Customers' account team: every 4 h .* on contained/).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await sink.close();
    }
  });
});

/**
 * Issue 20 §8, the papercuts a user meets in the browser: a task reminder's link opens the task;
 * a "mail not configured" banner when SMTP is absent (and none when it is set); the user form
 * resets its role boxes after "Add user", roles can be edited; incident members are picked.
 * Real Chromium, a real server on SQLite, reminders sent over real SMTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpCatcher, startSmtp } from '../../support/smtp.js';
import { waitFor } from '../../support/wait.js';
import { signIn, startWeb, type WebHarness } from './browser.js';

/** The text of a MIME message, quoted-printable soft line breaks and escapes undone. */
function mailText(data: string): string {
  return data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

describe('web: papercuts', () => {
  let smtp: SmtpCatcher;
  let h: WebHarness;
  beforeAll(async () => {
    smtp = await startSmtp();
    h = await startWeb({ BREACHDESK_SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it("a task reminder's e-mail link opens that task in the web UI", async () => {
    const cmdr = await h.user('cora.cmdr', ['incident_commander']);
    const token = await h.server.tokenFor('incident_commander', 'cora.cmdr');
    const awareAt = new Date(Date.now() - 3_600_000).toISOString();
    const inc = await h.server.api('/api/v1/incidents', { token, body: { title: 'Reminder link', awareAt } });
    expect(inc.status).toBe(201);
    // The in-process job may have swept already; either way a reminder reaches the mailbox.
    await h.server.modules.incidents.service.sendDueReminders(new Date());
    const mail = await waitFor(async () => smtp.mails.find((m) => m.to.includes(cmdr.email)) ?? null);
    const text = mailText(mail.data);
    const link = new URL(/https?:\/\/\S+\/incidents\/\S+/.exec(text)![0]);
    const title = /^Task: +(.+) \(\w+\)$/m.exec(text)![1]!;
    expect(link.pathname).toMatch(new RegExp(`^/incidents/${inc.body.id}/tasks/[^/]+$`));

    const { page } = await h.newPage();
    // Same path on the test server (the link's origin is BREACHDESK_PUBLIC_URL's default).
    await signIn(page, cmdr.email, cmdr.password, link.pathname);
    const focused = page.locator('li.task[aria-current="true"]');
    await focused.waitFor();
    expect(await focused.locator('.task-title').textContent()).toBe(title);
    expect(await page.getByRole('heading', { name: 'Page not found' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe('Reminder link');
    // SMTP is configured on this server: no banner.
    expect(await page.getByText('Mail is not configured.').count()).toBe(0);
  });

  it('without SMTP, every page says mail is not configured (admins learn the setting to fix it)', async () => {
    const bare = await startWeb();
    try {
      const admin = await bare.user('ada.admin', ['admin']);
      const viewer = await bare.user('val.viewer', ['viewer']);
      const token = await bare.server.tokenFor('viewer', 'val.viewer');
      expect((await bare.server.api('/api/v1/me', { token })).body.mailConfigured).toBe(false);
      const { page } = await bare.newPage();
      await signIn(page, admin.email, admin.password, '/incidents');
      const banner = page.getByRole('status').filter({ hasText: 'Mail is not configured.' });
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/Set BREACHDESK_SMTP_URL/);
      await page.getByRole('link', { name: 'API tokens' }).click();
      await banner.waitFor();
      const other = await bare.newPage();
      await signIn(other.page, viewer.email, viewer.password, '/incidents');
      const seen = other.page.getByRole('status').filter({ hasText: 'Mail is not configured.' });
      await seen.waitFor();
      expect(await seen.textContent()).toMatch(/Ask an administrator/);
    } finally {
      await bare.close();
    }
  });

  it('"Add user" resets the role boxes, and an admin edits the roles of an existing user', async () => {
    const admin = await h.user('ada.admin', ['admin']);
    const { page } = await h.newPage();
    await signIn(page, admin.email, admin.password, '/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add user' }) });
    await page.getByLabel('E-mail address').fill('first.legal@example.test');
    await form.getByRole('checkbox', { name: 'Responder' }).uncheck();
    await form.getByRole('checkbox', { name: 'Legal' }).check();
    await form.getByRole('checkbox', { name: 'Incident commander' }).check();
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.locator('.notice code.secret').waitFor();
    // The boxes are back to the default: the next user does not inherit legal + commander.
    expect(await form.getByRole('checkbox', { name: 'Legal' }).isChecked()).toBe(false);
    expect(await form.getByRole('checkbox', { name: 'Incident commander' }).isChecked()).toBe(false);
    expect(await form.getByRole('checkbox', { name: 'Responder' }).isChecked()).toBe(true);
    await page.getByLabel('E-mail address').fill('second.user@example.test');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('row').filter({ hasText: 'second.user@example.test' }).waitFor();
    expect((await h.server.platform.accounts.findUser('first.legal@example.test'))?.roles.sort()).toEqual(['incident_commander', 'legal']);
    expect((await h.server.platform.accounts.findUser('second.user@example.test'))?.roles).toEqual(['responder']);

    // Edit: the second user becomes a viewer only.
    const row = page.getByRole('row').filter({ hasText: 'second.user@example.test' });
    await row.getByRole('button', { name: 'Edit roles of second.user' }).click();
    await row.getByRole('checkbox', { name: 'Responder' }).uncheck();
    await row.getByRole('checkbox', { name: 'Viewer' }).check();
    await row.getByRole('button', { name: 'Save roles' }).click();
    await row.getByText('Viewer', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'Edit roles of second.user' }).waitFor();
    expect((await h.server.platform.accounts.findUser('second.user@example.test'))?.roles).toEqual(['viewer']);
    // Removing one's own admin role is refused (an admin must not lock the house from inside).
    const own = await h.server.api(`/api/v1/users/${(await h.server.platform.accounts.findUser(admin.username))!.id}`, {
      method: 'PATCH',
      token: await h.server.tokenFor('admin', 'ada.admin'),
      body: { roles: ['viewer'] },
    });
    expect(own.status).toBe(403);
  });

  it('the incident page picks a member from the users, rather than typing a name', async () => {
    const cmdr = await h.user('cora.cmdr', ['incident_commander']);
    const token = await h.server.tokenFor('incident_commander', 'cora.cmdr');
    const inc = await h.server.api('/api/v1/incidents', { token, body: { title: 'Member picker', awareAt: new Date().toISOString() } });
    await h.user('rob.responder', ['responder']);
    const { page } = await h.newPage();
    await signIn(page, cmdr.email, cmdr.password, `/incidents/${inc.body.id}`);
    const pick = page.getByLabel('User', { exact: true });
    await pick.waitFor();
    expect(await pick.evaluate((el) => el.tagName)).toBe('SELECT');
    const offered = await pick.locator('option').allTextContents();
    expect(offered).toContain('rob.responder');
    // Already a member (the creator): not offered again.
    expect(offered).not.toContain('cora.cmdr');
    await pick.selectOption('rob.responder');
    await page.getByLabel('Incident role').selectOption('forensics_lead');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.locator('.people').getByText('rob.responder').waitFor();
    const members = (await h.server.api(`/api/v1/incidents/${inc.body.id}/members`, { token })).body.items as { username: string; role: string }[];
    expect(members).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'rob.responder', role: 'forensics_lead' })]));
    // The directory names users, never their e-mail addresses.
    const dir = await h.server.api('/api/v1/users/directory', { token });
    expect(JSON.stringify(dir.body)).not.toContain('@');
  });
});

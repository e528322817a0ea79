import { describe, expect, it } from 'vitest';
import { composeUpdate, toEmailText, toSlack, toTeams, type UpdateState } from './compose.js';

const state: UpdateState = {
  title: 'CRM export leaked',
  status: 'contained',
  severity: 'high',
  awareAt: '2026-03-02T09:00:00.000Z',
  containedAt: '2026-03-02T17:00:00.000Z',
  people: 1540,
  jurisdictions: ['DE', 'FR'],
  deadlines: [{ what: 'DE regulator (GDPR Art. 33(1))', deadline: '2026-03-05T09:00:00Z' }],
  actions: [{ title: 'Reset VPN credentials', dueAt: '2026-03-03T12:00:00Z', status: 'in_progress' }],
  at: '2026-03-03T08:00:00Z',
};

describe('stakeholder updates composed from the incident state', () => {
  it('words each audience differently; only external audiences need approval', () => {
    const exec = composeUpdate('executives', state);
    expect(exec.needsApproval).toBe(false);
    expect(exec.lines).toEqual([
      'Status: contained (severity high). Aware since 2026-03-02 09:00 UTC; contained 2026-03-02 17:00 UTC.',
      'Scope: 1540 people affected in 2 jurisdiction(s) (DE, FR).',
      'Next deadlines:',
      '• DE regulator (GDPR Art. 33(1)): 2026-03-05 09:00 UTC',
      'Actions in flight:',
      '• Reset VPN credentials (due 2026-03-03 12:00 UTC)',
    ]);
    const staff = composeUpdate('all_staff', state);
    expect(staff.lines.join('\n')).not.toMatch(/1540|deadline|VPN/);
    expect(staff.lines[1]).toMatch(/do not discuss the incident/);
    expect(composeUpdate('account_team', state).needsApproval).toBe(true);
  });

  it('renders the e-mail text, the Slack Block Kit and the Teams Adaptive Card bodies', () => {
    const u = composeUpdate('executives', state);
    expect(toEmailText(u).subject).toBe('[Status update] CRM export leaked — contained (2026-03-03 08:00 UTC)');
    const slack = toSlack(u);
    expect(slack.text).toBe(u.subject);
    expect(slack.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: u.subject } },
      { type: 'section', text: { type: 'mrkdwn', text: u.lines.join('\n') } },
    ]);
    const teams = toTeams(u) as { attachments: Array<{ contentType: string; content: { version: string; body: Array<{ text: string }> } }> };
    expect(teams.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0]!.content.version).toBe('1.4');
    expect(teams.attachments[0]!.content.body.map((b) => b.text)).toEqual([u.subject, ...u.lines]);
  });
});

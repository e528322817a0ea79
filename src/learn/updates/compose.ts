/**
 * Stakeholder status updates composed from the incident's state (pure): status, scope, next
 * deadlines and actions in flight, worded for an audience, in three wire formats — plain e-mail
 * text, a Slack incoming-webhook message (Block Kit: api.slack.com/reference/block-kit/blocks) and
 * a Microsoft Teams incoming-webhook message carrying an Adaptive Card 1.4
 * (learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using).
 */
export const AUDIENCES = {
  executives: { label: 'Executives', external: false },
  all_staff: { label: 'All staff', external: false },
  account_team: { label: "Customers' account team", external: true },
} as const;
export type Audience = keyof typeof AUDIENCES;

export interface UpdateState {
  title: string;
  status: string;
  severity: string;
  awareAt: string;
  containedAt: string | null;
  people: number;
  jurisdictions: string[];
  deadlines: Array<{ what: string; deadline: string }>;
  actions: Array<{ title: string; dueAt: string | null; status: string }>;
  at: string;
}

export interface ComposedUpdate {
  audience: Audience;
  /** Updates leaving the organisation (or relayed to customers) need an approval before sending. */
  needsApproval: boolean;
  subject: string;
  lines: string[];
}

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function composeUpdate(audience: Audience, s: UpdateState): ComposedUpdate {
  const lines = [`Status: ${s.status} (severity ${s.severity}). Aware since ${when(s.awareAt)}${s.containedAt ? `; contained ${when(s.containedAt)}` : '; not yet contained'}.`];
  lines.push(s.people ? `Scope: ${s.people} people affected in ${s.jurisdictions.length} jurisdiction(s) (${s.jurisdictions.join(', ')}).` : 'Scope: still being assessed.');
  // All staff learn what to do and not to say; the personal-data figures stay with those who act on them.
  if (audience === 'all_staff') {
    lines.splice(1, 1, 'Please do not discuss the incident outside the response team; send any question from customers or the press to the communications lead.');
  }
  if (audience !== 'all_staff' && s.deadlines.length) lines.push('Next deadlines:', ...s.deadlines.slice(0, 5).map((d) => `• ${d.what}: ${when(d.deadline)}`));
  if (audience === 'executives' && s.actions.length) lines.push('Actions in flight:', ...s.actions.slice(0, 8).map((a) => `• ${a.title}${a.dueAt ? ` (due ${when(a.dueAt)})` : ''}`));
  return { audience, needsApproval: AUDIENCES[audience].external, subject: `[Status update] ${s.title} — ${s.status} (${when(s.at)})`, lines };
}

export function toEmailText(u: Pick<ComposedUpdate, 'subject' | 'lines'>): { subject: string; text: string } {
  return { subject: u.subject, text: `${u.lines.join('\n')}\n` };
}

/** Slack incoming webhook body: `text` is the notification fallback, blocks the message. */
export function toSlack(u: Pick<ComposedUpdate, 'subject' | 'lines'>): { text: string; blocks: unknown[] } {
  return {
    text: u.subject,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: u.subject.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: u.lines.join('\n').slice(0, 3000) } },
    ],
  };
}

/** Microsoft Teams incoming webhook body with an Adaptive Card. */
export function toTeams(u: Pick<ComposedUpdate, 'subject' | 'lines'>): unknown {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [{ type: 'TextBlock', text: u.subject, weight: 'Bolder', size: 'Medium', wrap: true }, ...u.lines.map((l) => ({ type: 'TextBlock', text: l, wrap: true }))],
        },
      },
    ],
  };
}

/**
 * The notifier port: task reminders go out through it. Implementations: e-mail (SMTP via
 * nodemailer) and a generic webhook (HTTP POST of JSON, e.g. a chat channel's incoming hook).
 * Webhook payloads carry no e-mail addresses: a chat channel is a wider audience than the
 * task's owner (data minimisation, GDPR Art. 5(1)(c)).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { FailedError } from '../platform/errors.js';

export interface ReminderMessage {
  kind: 'task_due_soon' | 'task_overdue';
  incidentId: string;
  incidentTitle: string;
  task: { id: string; title: string; phase: string; dueAt: string; status: string; ownerRole: string | null };
  /** Who should act (user names), for display. */
  assignees: string[];
  /** E-mail addresses of the people to remind (used by the e-mail notifier only). */
  recipients: string[];
  /** Link to the incident in the web UI. */
  link: string;
}

export interface Notifier {
  readonly name: string;
  notify(message: ReminderMessage): Promise<void>;
}

export function reminderSubject(m: ReminderMessage): string {
  return `[Breachdesk] ${m.kind === 'task_overdue' ? 'Overdue' : 'Due soon'}: ${m.task.title} (${m.incidentTitle})`;
}

export function reminderText(m: ReminderMessage): string {
  return [
    `${m.kind === 'task_overdue' ? 'This task is overdue' : 'This task is due soon'}.`,
    '',
    `Incident: ${m.incidentTitle}`,
    `Task:     ${m.task.title} (${m.task.phase})`,
    `Due:      ${m.task.dueAt} (UTC)`,
    `Status:   ${m.task.status}`,
    '',
    m.link,
  ].join('\n');
}

export class EmailNotifier implements Notifier {
  readonly name = 'email';
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async notify(m: ReminderMessage): Promise<void> {
    if (!m.recipients.length) return;
    try {
      await this.transport.sendMail({ from: this.from, to: m.recipients, subject: reminderSubject(m), text: reminderText(m) });
    } catch (e) {
      throw new FailedError(`reminder e-mail could not be sent: ${(e as Error).message.split('\n')[0]}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}

export class WebhookNotifier implements Notifier {
  readonly name = 'webhook';
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async notify(m: ReminderMessage): Promise<void> {
    const { recipients: _omit, ...rest } = m;
    const body = { version: 1, type: m.kind, text: `${reminderSubject(m)}\n${m.link}`, ...rest };
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new FailedError(`reminder webhook unreachable: ${(e as Error).message}`);
    }
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new FailedError(`reminder webhook answered HTTP ${res.status}`);
  }
}

/** Fans one message out to several notifiers; one failing does not stop the others. */
export class FanoutNotifier implements Notifier {
  readonly name = 'fanout';
  constructor(private readonly notifiers: Notifier[]) {}
  async notify(m: ReminderMessage): Promise<void> {
    const results = await Promise.allSettled(this.notifiers.map((n) => n.notify(m)));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${this.notifiers[i]!.name}: ${(r.reason as Error).message}`] : []));
    if (failed.length) throw new FailedError(failed.join('; '));
  }
}

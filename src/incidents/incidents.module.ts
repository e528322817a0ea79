/**
 * What the incident workspace hands the composition root: its service (other features use
 * incidents only through it), the access guard, routes and the reminder job.
 */
import type { Platform } from '../platform/platform.js';
import type { FeatureParts } from '../platform/module.js';
import { createIncidentAccess, type IncidentAccess } from './incident-access.js';
import { incidentWorkRoutes } from './incident-work.routes.js';
import { IncidentsRepository } from './incidents.repository.js';
import { incidentsRoutes } from './incidents.routes.js';
import { IncidentsService } from './incidents.service.js';
import { EmailNotifier, FanoutNotifier, type Notifier, WebhookNotifier } from './notifier.js';

export const REMINDER_QUEUE = 'incidents.reminders';
/** Reminder sweep period. */
export const REMINDER_PERIOD_MS = 5 * 60_000;

/**
 * One sweep per period slot across all workers: the slot start is the job's singleton key, so
 * several `serve`/`worker` processes scheduling the same slot create one job.
 */
export function reminderSlot(now: Date, periodMs = REMINDER_PERIOD_MS): { key: string; runAt: Date } {
  const start = Math.floor(now.getTime() / periodMs) * periodMs;
  return { key: `${REMINDER_QUEUE}:${new Date(start).toISOString()}`, runAt: new Date(start) };
}

/** E-mail when SMTP is configured (config.smtpUrl), webhook when config.reminderWebhookUrl is set. */
export function notifierFromConfig(platform: Platform): Notifier | null {
  const list: Notifier[] = [];
  const { smtpUrl, reminderFrom, reminderWebhookUrl } = platform.config;
  if (smtpUrl) list.push(new EmailNotifier(smtpUrl, reminderFrom));
  if (reminderWebhookUrl) list.push(new WebhookNotifier(reminderWebhookUrl));
  if (!list.length) return null;
  return list.length === 1 ? list[0]! : new FanoutNotifier(list);
}

export interface IncidentsModuleOptions {
  /** Overrides the notifier built from configuration (tests). */
  notifier?: Notifier | null;
  now?: () => Date;
}

export function createIncidentsModule(
  platform: Platform,
  opts: IncidentsModuleOptions = {},
): { service: IncidentsService; access: IncidentAccess; parts: FeatureParts } {
  const access = createIncidentAccess(platform.store.db);
  const notifier = opts.notifier !== undefined ? opts.notifier : notifierFromConfig(platform);
  const service = new IncidentsService(new IncidentsRepository(platform.store.db), platform.audit, platform.keyring, platform.accounts, {
    publicUrl: platform.config.publicUrl,
    notifier,
    now: opts.now,
  });
  // Each sweep schedules the next (the `finally` below): a sweep whose worker died must be run
  // again elsewhere, or the chain ends for the whole fleet. One attempt did that on pg-boss, whose
  // expiry counts the dead worker's run (the embedded queue takes an expired lease up anyway).
  // Running a sweep again is harmless: each task is stamped when reminded (tasks.service.ts).
  const schedule = (queue: Parameters<NonNullable<FeatureParts['jobs']>>[0], at: Date) => {
    const slot = reminderSlot(at);
    return queue.send(REMINDER_QUEUE, {}, { singletonKey: slot.key, runAt: slot.runAt, maxAttempts: 3 });
  };
  return {
    service,
    access,
    parts: {
      routes: [incidentsRoutes(service, access), incidentWorkRoutes(service, access)],
      jobs: (queue) => {
        queue.work(REMINDER_QUEUE, async () => {
          try {
            return await service.sendDueReminders(new Date());
          } finally {
            await schedule(queue, new Date(Date.now() + REMINDER_PERIOD_MS));
          }
        });
        if (notifier) schedule(queue, new Date()).catch((e) => platform.log.warn({ err: (e as Error).message }, 'could not schedule task reminders'));
      },
    },
  };
}

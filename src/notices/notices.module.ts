/**
 * Composition of the notices feature for src/main: the service over the platform, its routes
 * and the `notices.deliver` job handler.
 */
import type { Kysely } from 'kysely';
import { createIncidentAccess } from '../incidents/incident-access.js';
import type { FeatureParts } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import type { DeliveryOptions } from './delivery.js';
import { createSmtpMailer, type MailPort } from './mailer.js';
import type { NoticesDatabase } from './notices.tables.js';
import { type IncidentAccessPort, type NoticesDeps, NoticesService, type ObligationsMetPort } from './notices.service.js';
import { noticesRoutes } from './notices.routes.js';

export const DELIVER_QUEUE = 'notices.deliver';

export interface NoticesModuleDeps {
  /** Incident access checks; defaults to the incident workspace's. */
  access?: IncidentAccessPort;
  /** Mail port factory; defaults to SMTP from BREACHDESK_SMTP_URL (none when unset). */
  mailer?: (() => MailPort) | null;
  delivery?: DeliveryOptions;
  /** The obligation tracker: sent and submitted notices meet their obligations (issue 20 §4). */
  obligations?: ObligationsMetPort;
  prefill?: NoticesDeps['prefill'];
}

export function createNoticesModule(platform: Platform, deps: NoticesModuleDeps = {}): { service: NoticesService; parts: FeatureParts } {
  const smtpUrl = platform.config.smtpUrl;
  const mailer = deps.mailer !== undefined ? deps.mailer : smtpUrl ? () => createSmtpMailer({ url: smtpUrl }) : null;
  const service = new NoticesService({
    db: platform.store.db as unknown as Kysely<NoticesDatabase>,
    dialect: platform.store.dialect,
    keyring: platform.keyring,
    audit: platform.audit,
    access: deps.access ?? createIncidentAccess(platform.store.db),
    mailFrom: platform.config.mailFrom,
    mailer,
    delivery: deps.delivery,
    obligations: deps.obligations,
    prefill: deps.prefill,
  });
  platform.metrics.gauge('breachdesk_outbox_messages', 'Notice and stakeholder-update messages by delivery state (queued, sending, sent, failed, bounced…)', ['state'], async () =>
    Object.entries(await service.outbox.countsAllByState()).map(([state, value]) => ({ labels: { state }, value })),
  );
  const enqueue = async (noticeId: string, runAt?: Date) => {
    await platform.jobs.send(DELIVER_QUEUE, { noticeId }, { singletonKey: `${DELIVER_QUEUE}:${noticeId}${runAt ? `:${runAt.toISOString()}` : ''}`, maxAttempts: 50, runAt });
  };
  return {
    service,
    parts: {
      routes: [noticesRoutes({ service, enqueue: (id) => enqueue(id) })],
      jobs: (queue) => {
        queue.work<{ noticeId: string }>(DELIVER_QUEUE, async (payload, ctx) => {
          const r = await service.runDelivery(payload.noticeId, { signal: ctx.signal, reschedule: (at) => enqueue(payload.noticeId, at) });
          return r;
        });
      },
    },
  };
}

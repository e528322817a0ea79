#!/usr/bin/env node
/**
 * A delivering process over the BUILT code (run `npm run build` first): opens the configured
 * store (BREACHDESK_DATA_DIR / BREACHDESK_DATABASE_URL, BREACHDESK_MASTER_KEY), and drains the
 * notices outbox over SMTP (BREACHDESK_SMTP_URL) until every e-mail row is settled — what the
 * `notices.deliver` job does inside `breachdesk worker`, without the job queue in between, so the
 * crash test and the benchmark measure the outbox itself.
 *
 * env: NOTICE_ID (optional), LEASE_MS, CONCURRENCY, BATCH, POOL (SMTP connections).
 * Prints one JSON line with the counts and the elapsed time when done.
 */
import { INCIDENTS_MIGRATIONS } from '../../dist/incidents/migrations/index.js';
import { ALL_MIGRATIONS } from '../../dist/main/migrations.js';
import { createSmtpMailer } from '../../dist/notices/mailer.js';
import { NOTICES_MIGRATIONS } from '../../dist/notices/migrations.js';
import { createNoticesModule } from '../../dist/notices/notices.module.js';
import { loadConfig } from '../../dist/platform/config.js';
import { createLogger } from '../../dist/platform/logger.js';
import { openPlatform } from '../../dist/platform/platform.js';

const env = process.env;
const config = loadConfig();
const platform = await openPlatform(config, { migrations: { ...ALL_MIGRATIONS, ...INCIDENTS_MIGRATIONS, ...NOTICES_MIGRATIONS }, log: createLogger('silent') });
const allow = { assertCanRead: async () => {}, assertCanWrite: async () => {} };
const { service } = createNoticesModule(platform, { access: allow, mailer: null });
const mail = createSmtpMailer({ url: config.smtpUrl, connections: Number(env.POOL ?? 5) });
const deliverer = service.deliverer(mail, {
  leaseMs: Number(env.LEASE_MS ?? 120000),
  concurrency: Number(env.CONCURRENCY ?? 20),
  batchSize: Number(env.BATCH ?? 50),
  backoffBaseMs: Number(env.BACKOFF_MS ?? 1000),
});
const t0 = process.hrtime.bigint();
const r = await deliverer.drain({ noticeId: env.NOTICE_ID || undefined, untilSettled: true });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
if (env.NOTICE_ID) await service.finish(env.NOTICE_ID);
await mail.close();
process.stdout.write(`${JSON.stringify({ ...r, seconds, rss: process.memoryUsage().rss })}\n`);
await platform.close();

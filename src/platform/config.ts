/**
 * Configuration: environment variables (BREACHDESK_*) over an optional YAML/JSON file.
 * Every value is validated; `breachdesk config check` prints one line per bad value.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BadInputError } from './errors.js';

export type Dialect = 'sqlite' | 'postgresql';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  dialect: Dialect;
  /** 32-byte master key (base64 or hex in env); null = use/create the key file under dataDir. */
  masterKey: Buffer | null;
  adminEmail: string;
  adminPassword: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Public URL used in links (setup, notices); defaults to http://localhost:PORT. */
  publicUrl: string;
  /** Max JSON body in bytes (uploads stream separately). */
  bodyLimit: number;
  /** Mark cookies Secure (set when served over HTTPS, directly or behind a proxy). */
  cookieSecure: boolean;
  /** Web-session lifetime in minutes (sliding). */
  sessionMinutes: number;
  smtpUrl: string | null;
  mailFrom: string;
  /** Sender of internal mail (task reminders); defaults to mailFrom, which notices to people and regulators use. */
  reminderFrom: string;
  /** Incident reminders are also POSTed as JSON here (docs/incidents.md); null = no webhook. */
  reminderWebhookUrl: string | null;
  /** Run jobs inside `serve` (embedded default). */
  inlineWorker: boolean;
  /** The audit head's checkpoint file, best on other storage than the database (docs/security.md); null = DATA_DIR/audit.checkpoint. */
  auditCheckpoint: string | null;
  /** OpenID Connect single sign-on (docs/security.md); null issuer = off. */
  oidc: { issuer: string; clientId: string; clientSecret: string | null; roleMap: Record<string, string[]>; groupsClaim: string; label: string } | null;
  /** Organisation roles whose users must sign in with a second factor (TOTP or a security key). */
  secondFactorRoles: string[];
  /** A job whose process stops renewing its lease this long is taken up again by another (dead worker). */
  jobLeaseSeconds: number;
  /** Distributed scans: a file larger than this is split into byte ranges or groups of archive members (docs/operations.md). */
  scanShardBytes: number;
  /** Distributed scans: people jobs the merge's grouping of the people index is split into; 0 = the merge job alone (docs/operations.md). */
  scanPeopleJobs: number;
  /**
   * Intake group commits in flight at once on PostgreSQL (docs/intake.md): the next group reads
   * and writes while the previous one commits; per-entity advisory locks keep correlation exact.
   * SQLite always writes one group at a time (one writer connection).
   */
  intakeGroupsInFlight: number;
  /**
   * Distributed scans: how the merge gets the people index — `partitioned` (shards keep their digests
   * per block of partitions, people jobs read only theirs) or `replay` (every digest in the shard
   * logs, replayed by the merge or by every people job): docs/operations.md.
   */
  scanMerge: 'partitioned' | 'replay';
  /** Bearer token a Prometheus scraper sends to GET /metrics; null = only admin API tokens may scrape. */
  metricsToken: string | null;
  /** security.txt `Contact:` (RFC 9116 §2.5.3): a mailto: or https: URI; null = the outside-report form only. */
  securityContact: string | null;
  /** A domain the organisation controls whose mail and web hits are watched: canary people's e-mail addresses and beacon URLs live there. */
  canaryDomain: string | null;
  /**
   * The job queue's engine: pg-boss whenever the store is PostgreSQL, the embedded one on SQLite
   * (issue 18 §1); BREACHDESK_JOB_QUEUE=embedded keeps a PostgreSQL store on the embedded queue.
   */
  jobQueue: 'embedded' | 'pg-boss';
  /** Evidence files on an S3-compatible object store shared by the fleet (docs/operations.md); null = the data directory. */
  objectStore: { bucket: string; endpoint: string | null; region: string; prefix: string; forcePathStyle: boolean } | null;
}

/** Name of each setting as an environment variable and as a config-file key. */
const SETTINGS = {
  port: ['BREACHDESK_PORT', 'port'],
  host: ['BREACHDESK_HOST', 'host'],
  dataDir: ['BREACHDESK_DATA_DIR', 'dataDir'],
  databaseUrl: ['BREACHDESK_DATABASE_URL', 'databaseUrl'],
  masterKey: ['BREACHDESK_MASTER_KEY', 'masterKey'],
  adminEmail: ['BREACHDESK_ADMIN_EMAIL', 'adminEmail'],
  adminPassword: ['BREACHDESK_ADMIN_PASSWORD', 'adminPassword'],
  logLevel: ['BREACHDESK_LOG_LEVEL', 'logLevel'],
  publicUrl: ['BREACHDESK_PUBLIC_URL', 'publicUrl'],
  securityContact: ['BREACHDESK_SECURITY_CONTACT', 'securityContact'],
  canaryDomain: ['BREACHDESK_CANARY_DOMAIN', 'canaryDomain'],
  bodyLimit: ['BREACHDESK_BODY_LIMIT', 'bodyLimit'],
  cookieSecure: ['BREACHDESK_COOKIE_SECURE', 'cookieSecure'],
  sessionMinutes: ['BREACHDESK_SESSION_MINUTES', 'sessionMinutes'],
  smtpUrl: ['BREACHDESK_SMTP_URL', 'smtpUrl'],
  mailFrom: ['BREACHDESK_MAIL_FROM', 'mailFrom'],
  reminderFrom: ['BREACHDESK_REMINDER_FROM', 'reminderFrom'],
  reminderWebhookUrl: ['BREACHDESK_REMINDER_WEBHOOK_URL', 'reminderWebhookUrl'],
  inlineWorker: ['BREACHDESK_INLINE_WORKER', 'inlineWorker'],
  auditCheckpoint: ['BREACHDESK_AUDIT_CHECKPOINT', 'auditCheckpoint'],
  oidcIssuer: ['BREACHDESK_OIDC_ISSUER', 'oidcIssuer'],
  oidcClientId: ['BREACHDESK_OIDC_CLIENT_ID', 'oidcClientId'],
  oidcClientSecret: ['BREACHDESK_OIDC_CLIENT_SECRET', 'oidcClientSecret'],
  oidcRoleMap: ['BREACHDESK_OIDC_ROLE_MAP', 'oidcRoleMap'],
  oidcGroupsClaim: ['BREACHDESK_OIDC_GROUPS_CLAIM', 'oidcGroupsClaim'],
  oidcLabel: ['BREACHDESK_OIDC_LABEL', 'oidcLabel'],
  secondFactorRoles: ['BREACHDESK_SECOND_FACTOR_ROLES', 'secondFactorRoles'],
  jobLeaseSeconds: ['BREACHDESK_JOB_LEASE_SECONDS', 'jobLeaseSeconds'],
  scanShardBytes: ['BREACHDESK_SCAN_SHARD_BYTES', 'scanShardBytes'],
  scanPeopleJobs: ['BREACHDESK_SCAN_PEOPLE_JOBS', 'scanPeopleJobs'],
  intakeGroupsInFlight: ['BREACHDESK_INTAKE_GROUPS_IN_FLIGHT', 'intakeGroupsInFlight'],
  scanMerge: ['BREACHDESK_SCAN_MERGE', 'scanMerge'],
  metricsToken: ['BREACHDESK_METRICS_TOKEN', 'metricsToken'],
  jobQueue: ['BREACHDESK_JOB_QUEUE', 'jobQueue'],
  s3Bucket: ['BREACHDESK_S3_BUCKET', 's3Bucket'],
  s3Endpoint: ['BREACHDESK_S3_ENDPOINT', 's3Endpoint'],
  s3Region: ['BREACHDESK_S3_REGION', 's3Region'],
  s3Prefix: ['BREACHDESK_S3_PREFIX', 's3Prefix'],
  s3ForcePathStyle: ['BREACHDESK_S3_FORCE_PATH_STYLE', 's3ForcePathStyle'],
} as const;
type Key = keyof typeof SETTINGS;

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be ${min}–${max}`)
    .max(max, `must be ${min}–${max}`);

const masterKeySchema = z.string().transform((s, ctx) => {
  const t = s.trim();
  const buf = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (buf.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'must be 32 bytes, as 64 hex digits or base64' });
    return z.NEVER;
  }
  return buf;
});

const schemas: Record<Key, z.ZodType> = {
  port: int(1, 65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (unset it for the embedded SQLite store)')
    .refine((s) => URL.canParse(s), 'is not a valid URL'),
  masterKey: masterKeySchema,
  adminEmail: z.string().email('must be an e-mail address'),
  adminPassword: z.string().min(12, 'must be at least 12 characters'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  publicUrl: z.string().url('must be a URL like https://breachdesk.example.org'),
  securityContact: z.string().regex(/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+|tel:\+?[0-9-]+)$/, 'must be a mailto:, https: or tel: URI (RFC 9116 §2.5.3)'),
  canaryDomain: z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, 'must be a domain name like canary.example.org'),
  bodyLimit: int(1024, 1024 * 1024 * 1024),
  cookieSecure: bool,
  sessionMinutes: int(5, 60 * 24 * 30),
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\//, 'must look like smtp://user:pass@host:port or smtps://…')
    .refine((s) => URL.canParse(s), 'is not a valid URL'),
  mailFrom: z.string().min(3),
  reminderFrom: z.string().min(3),
  reminderWebhookUrl: z
    .string()
    .regex(/^https?:\/\//, 'must be an http:// or https:// URL')
    .refine((s) => URL.canParse(s), 'is not a valid URL'),
  inlineWorker: bool,
  auditCheckpoint: z.string().min(1),
  oidcIssuer: z.string().refine((v) => URL.canParse(v) && /^https?:\/\//.test(v), 'must be the issuer URL, e.g. https://login.example.org/realms/main'),
  oidcClientId: z.string().min(1),
  oidcClientSecret: z.string().min(1),
  // "group=role,group=role;role" — which organisation roles an identity provider group grants.
  oidcRoleMap: z.string().transform((v, ctx) => {
    const map: Record<string, string[]> = {};
    for (const pair of v.split(',').map((x) => x.trim()).filter(Boolean)) {
      const i = pair.lastIndexOf('=');
      const roles = pair.slice(i + 1).split(/[;+]/).map((r) => r.trim());
      const bad = roles.find((r) => !['admin', 'incident_commander', 'responder', 'legal', 'viewer'].includes(r));
      if (i <= 0 || bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${pair}" must be group=role with a role of admin, incident_commander, responder, legal, viewer` });
        return z.NEVER;
      }
      map[pair.slice(0, i).trim()] = roles;
    }
    return map;
  }),
  jobLeaseSeconds: int(3, 3600),
  scanShardBytes: int(64 * 1024, 2 ** 50),
  scanPeopleJobs: int(0, 256),
  intakeGroupsInFlight: int(1, 8),
  scanMerge: z.enum(['partitioned', 'replay'], { message: 'must be partitioned or replay' }),
  metricsToken: z.string().min(24, 'must be at least 24 characters (it guards operational data)'),
  jobQueue: z.enum(['embedded', 'pg-boss'], { message: 'must be embedded or pg-boss' }),
  // Bucket names: 3–63 lower-case letters, digits, dots and hyphens (S3 bucket naming rules).
  s3Bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3–63 of a-z, 0-9, . and -)'),
  s3Endpoint: z.string().url('must be a URL such as http://minio.internal:9000'),
  s3Region: z.string().min(1),
  s3Prefix: z.string().regex(/^([^/].*\/)?$/, 'must be empty or end with / and not start with /'),
  s3ForcePathStyle: bool,
  oidcGroupsClaim: z.string().min(1),
  oidcLabel: z.string().min(1).max(60),
  secondFactorRoles: z.string().transform((v, ctx) => {
    const roles = v.split(',').map((r) => r.trim()).filter(Boolean);
    const bad = roles.find((r) => !['admin', 'incident_commander', 'responder', 'legal', 'viewer'].includes(r));
    if (bad) {
      ctx.addIssue({ code: 'custom', message: `"${bad}" is not one of admin, incident_commander, responder, legal, viewer` });
      return z.NEVER;
    }
    return roles;
  }),
};

const DEFAULTS: Partial<Record<Key, unknown>> = {
  port: 8080,
  // Loopback unless the operator chooses otherwise: a fresh install (with its printed one-time
  // password) must not be reachable from the network before anyone has signed in.
  host: '127.0.0.1',
  dataDir: './data',
  adminEmail: 'admin@localhost',
  logLevel: 'info',
  bodyLimit: 1024 * 1024,
  cookieSecure: false,
  sessionMinutes: 12 * 60,
  mailFrom: 'Breachdesk <breachdesk@localhost>',
  inlineWorker: true,
  jobLeaseSeconds: 60,
  scanShardBytes: 64 * 1024 * 1024,
  scanPeopleJobs: 0,
  // 1: at load 8–12 two in flight were slower on the intake bench (bench/README.md, pg15).
  intakeGroupsInFlight: 1,
  scanMerge: 'partitioned',
  s3Region: 'us-east-1',
  s3Prefix: '',
  s3ForcePathStyle: false,
};

export interface ConfigProblem {
  setting: string;
  message: string;
}

export interface ConfigSource {
  env?: NodeJS.ProcessEnv;
  /** Path of a YAML or JSON config file; default BREACHDESK_CONFIG, else ./breachdesk.yaml if present. */
  file?: string;
  cwd?: string;
}

function readFile(path: string): { values: Record<string, unknown>; problems: ConfigProblem[] } {
  try {
    const parsed: unknown = parseYaml(readFileSync(path, 'utf8'));
    if (parsed === null || parsed === undefined) return { values: {}, problems: [] };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { values: {}, problems: [{ setting: path, message: 'must be a mapping of settings' }] };
    }
    const values = parsed as Record<string, unknown>;
    const known = new Set<string>(Object.values(SETTINGS).map(([, k]) => k));
    const problems = Object.keys(values)
      .filter((k) => !known.has(k))
      .map((k) => ({ setting: `${path}: ${k}`, message: `unknown setting (known: ${[...known].join(', ')})` }));
    return { values, problems };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { values: {}, problems: [{ setting: path, message: `cannot be read: ${msg}` }] };
  }
}

/** Validates every setting and returns all problems (never throws). */
export function inspectConfig(src: ConfigSource = {}): { config: Config | null; problems: ConfigProblem[] } {
  const env = src.env ?? process.env;
  const cwd = src.cwd ?? process.cwd();
  const problems: ConfigProblem[] = [];
  let fileValues: Record<string, unknown> = {};
  const filePath = src.file ?? env.BREACHDESK_CONFIG ?? (existsSync(resolve(cwd, 'breachdesk.yaml')) ? 'breachdesk.yaml' : undefined);
  if (filePath) {
    const abs = resolve(cwd, filePath);
    if (!existsSync(abs)) problems.push({ setting: 'BREACHDESK_CONFIG', message: `file ${abs} does not exist` });
    else {
      const r = readFile(abs);
      fileValues = r.values;
      problems.push(...r.problems);
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS) as Key[]) {
    const [envName, fileKey] = SETTINGS[key];
    const fromEnv = env[envName];
    const raw = fromEnv !== undefined && fromEnv !== '' ? fromEnv : fileValues[fileKey];
    const label = fromEnv !== undefined && fromEnv !== '' ? envName : `${fileKey} (config file)`;
    if (raw === undefined || raw === null || raw === '') {
      out[key] = DEFAULTS[key] ?? null;
      continue;
    }
    const r = schemas[key].safeParse(raw);
    if (r.success) out[key] = r.data;
    else {
      // Secrets are never echoed back.
      // A webhook URL often carries a token in its path or query (Slack, Teams).
      const secret = key === 'masterKey' || key === 'adminPassword' || key === 'smtpUrl' || key === 'reminderWebhookUrl' || key === 'oidcClientSecret' || key === 'metricsToken';
      const shown = secret ? '' : ` (got ${JSON.stringify(String(raw)).slice(0, 80)})`;
      problems.push({ setting: label, message: `${r.error.issues[0]?.message ?? 'is invalid'}${shown}` });
    }
  }
  if (out.jobQueue === 'pg-boss' && !out.databaseUrl) {
    problems.push({ setting: SETTINGS.jobQueue[0], message: 'pg-boss needs PostgreSQL: set BREACHDESK_DATABASE_URL, or use the embedded queue' });
  }
  if (problems.length > 0) return { config: null, problems };
  const databaseUrl = (out.databaseUrl as string | null) ?? null;
  const port = out.port as number;
  const config: Config = {
    port,
    host: out.host as string,
    dataDir: resolve(cwd, out.dataDir as string),
    databaseUrl,
    dialect: databaseUrl ? 'postgresql' : 'sqlite',
    masterKey: (out.masterKey as Buffer | null) ?? null,
    adminEmail: out.adminEmail as string,
    adminPassword: (out.adminPassword as string | null) ?? null,
    logLevel: out.logLevel as Config['logLevel'],
    publicUrl: (out.publicUrl as string | null) ?? `http://localhost:${port}`,
    bodyLimit: out.bodyLimit as number,
    cookieSecure: out.cookieSecure as boolean,
    sessionMinutes: out.sessionMinutes as number,
    smtpUrl: (out.smtpUrl as string | null) ?? null,
    mailFrom: out.mailFrom as string,
    reminderFrom: (out.reminderFrom as string | null) ?? (out.mailFrom as string),
    reminderWebhookUrl: (out.reminderWebhookUrl as string | null) ?? null,
    inlineWorker: out.inlineWorker as boolean,
    auditCheckpoint: out.auditCheckpoint ? resolve(cwd, out.auditCheckpoint as string) : null,
    oidc: out.oidcIssuer
      ? {
          issuer: out.oidcIssuer as string,
          clientId: (out.oidcClientId as string | null) ?? 'breachdesk',
          clientSecret: (out.oidcClientSecret as string | null) ?? null,
          roleMap: (out.oidcRoleMap as Record<string, string[]> | null) ?? {},
          groupsClaim: (out.oidcGroupsClaim as string | null) ?? 'groups',
          label: (out.oidcLabel as string | null) ?? 'Single sign-on',
        }
      : null,
    secondFactorRoles: (out.secondFactorRoles as string[] | null) ?? [],
    jobLeaseSeconds: out.jobLeaseSeconds as number,
    scanShardBytes: out.scanShardBytes as number,
    scanPeopleJobs: out.scanPeopleJobs as number,
    intakeGroupsInFlight: out.intakeGroupsInFlight as number,
    scanMerge: out.scanMerge as 'partitioned' | 'replay',
    metricsToken: (out.metricsToken as string | null) ?? null,
    securityContact: (out.securityContact as string | null) ?? null,
    canaryDomain: (out.canaryDomain as string | null)?.toLowerCase() ?? null,
    // Unset: the store decides (pg-boss on PostgreSQL, the embedded queue on SQLite).
    jobQueue: (out.jobQueue as Config['jobQueue'] | null) ?? (databaseUrl ? 'pg-boss' : 'embedded'),
    objectStore: out.s3Bucket
      ? { bucket: out.s3Bucket as string, endpoint: (out.s3Endpoint as string | null) ?? null, region: out.s3Region as string, prefix: out.s3Prefix as string, forcePathStyle: out.s3ForcePathStyle as boolean }
      : null,
  };
  return { config, problems };
}

/** Loads configuration or throws a BadInputError listing every problem, one per line. */
export function loadConfig(src: ConfigSource = {}): Config {
  const { config, problems } = inspectConfig(src);
  if (!config) throw new BadInputError(formatProblems(problems));
  return config;
}

export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `config: ${p.setting}: ${p.message}`).join('\n');
}

/** Documentation of each setting, for `config check --explain` and docs/configuration.md. */
export const SETTING_NAMES = SETTINGS;

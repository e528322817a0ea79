/** zod shapes of the Confirm API (they feed OpenAPI and the generated web client). */
import { z } from 'zod';
import { parseCidr } from './correlation-entities.js';
import { DEDUP_FIELDS } from './dedup.js';
import { INTAKE_FORMATS } from './normalise/index.js';

const IsoTime = z.iso.datetime({ offset: true });

const Values = (what: string) => z.array(z.string().trim().min(1).max(300)).max(2000).describe(what);

/** A source's correlation lists (docs/intake.md "Entities that identify nothing alone"); each one given replaces its default. */
export const CorrelationInputSchema = z.object({
  localAccounts: Values('accounts that name a principal only on their host, correlated as user@host (`name`, `DOMAIN\\name`, `prefix*`)').optional(),
  localFiles: Values('paths every host has, correlated as file@host (`/etc/passwd`, `prefix*`)').optional(),
  localRules: Values('rules that fire on every host, correlated as rule@host (`kind/rule id`, e.g. `wazuh/550`)').optional(),
  ignoreHosts: Values('host names that name no machine; never correlated').optional(),
  ignoreUsers: Values('user values that name no one; never correlated').optional(),
  ignoreIps: z
    .array(z.string().trim().refine((v) => parseCidr(v) !== null, 'an IPv4 or IPv6 address or CIDR block'))
    .max(2000)
    .describe('addresses or CIDR blocks that identify nothing (loopback, link-local …); never correlated')
    .optional(),
  ignoreHashes: Values('digests that identify no content (of empty input); never correlated').optional(),
});

export const CorrelationSchema = z.object({
  localAccounts: z.array(z.string()),
  localFiles: z.array(z.string()),
  localRules: z.array(z.string()),
  ignoreHosts: z.array(z.string()),
  ignoreUsers: z.array(z.string()),
  ignoreIps: z.array(z.string()),
  ignoreHashes: z.array(z.string()),
});

export const SourceInputSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, up to 63')
    .describe('the {source} of POST /api/v1/intake/{source}'),
  format: z.enum(INTAKE_FORMATS).default('auto'),
  auth: z.enum(['token', 'hmac']).default('token'),
  dedupKeys: z.array(z.enum(DEDUP_FIELDS)).min(1).optional(),
  dedupWindowSeconds: z.number().int().min(1).max(30 * 86400).optional(),
  correlateWindowSeconds: z.number().int().min(1).max(90 * 86400).optional(),
  correlation: CorrelationInputSchema.optional().describe('correlation lists of this source; each list left out follows the default'),
});

export const SourceSchema = z.object({
  name: z.string(),
  format: z.string(),
  auth: z.string(),
  dedupKeys: z.array(z.string()),
  dedupWindowSeconds: z.number(),
  correlateWindowSeconds: z.number(),
  correlation: CorrelationSchema.describe('the correlation lists in force (the source\'s own, else the defaults)'),
  enabled: z.boolean(),
  createdAt: z.string(),
});

export const IngestResultSchema = z.object({
  version: z.literal(1),
  accepted: z.number(),
  created: z.number(),
  repeats: z.number(),
  unparsed: z.number(),
  alerts: z.array(z.object({ id: z.string(), kind: z.string(), repeat: z.boolean(), count: z.number(), suspectId: z.string().nullable() })),
});

export const SuspectSchema = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number(),
  severity: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  incidentId: z.string().nullable(),
  mergedInto: z.string().nullable(),
  alertCount: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const AlertSchema = z.object({
  id: z.string(),
  source: z.string(),
  kind: z.string(),
  title: z.string(),
  rule: z.object({ id: z.string().nullable(), name: z.string(), category: z.string().nullable(), mitre: z.array(z.string()) }),
  severity: z.string(),
  severityRaw: z.string().nullable(),
  observedAt: z.string(),
  observedAtLocal: z.string().nullable(),
  receivedAt: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  count: z.number(),
  status: z.string(),
  dismissedReason: z.string().nullable(),
  suspectId: z.string().nullable(),
  incidentId: z.string().nullable(),
  hosts: z.array(z.string()),
  users: z.array(z.string()),
  ips: z.array(z.string()),
  hashes: z.array(z.string()),
  files: z.array(z.string()),
  domains: z.array(z.string()),
  urls: z.array(z.string()),
  emails: z.array(z.string()),
  masked: z.boolean(),
  rawSize: z.number(),
  rawTruncated: z.boolean(),
  raw: z.string().optional(),
});

export const SuspectDetailSchema = SuspectSchema.extend({ alerts: z.array(AlertSchema) });

export const SuspectListQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'dismissed', 'merged', 'confirmed', 'linked']).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AlertListQuery = z.object({
  status: z.enum(['new', 'acknowledged', 'dismissed', 'confirmed', 'linked']).optional(),
  source: z.string().optional(),
  kind: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DismissSchema = z.object({ reason: z.string().trim().min(1).max(2000) });
export const MergeSchema = z.object({ from: z.array(z.string().min(1)).min(1).max(100) });
export const SplitSchema = z.object({ alertIds: z.array(z.string().min(1)).min(1).max(1000) });
export const LinkSchema = z.object({ incidentId: z.string().min(1) });
export const ConfirmSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  summary: z.string().max(20_000).optional(),
  severity: z.enum(['low', 'medium', 'high', 'critical']).optional(),
  /** When the organisation became aware; defaults to now. Earlier needs awareAtReason. */
  awareAt: IsoTime.optional(),
  awareAtReason: z.string().trim().min(1).max(2000).optional(),
});
export const ConfirmResultSchema = z.object({
  suspect: SuspectSchema,
  incidentId: z.string(),
  awareAt: z.string(),
  observables: z.number(),
  /** Evidence items made from outside reporters' attachments. */
  evidence: z.array(z.string()),
});

/**
 * ExposureReport v1 — the stable machine contract of `breachdesk scan --json` (docs/scan-json.md).
 * Change it additively only (DESIGN.md §6); a breaking change means `version: 2`.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

export const FileReportSchema = z.object({
  path: z.string(),
  format: z.string(),
  /** Input size in bytes; null when the reader could not know it (archive member of unknown size). */
  bytes: count.nullable(),
  records: count,
  errors: z.array(z.object({ message: z.string(), location: z.string() })),
});

export const ElementReportSchema = z.object({
  records: count,
  distinctValues: count,
  samples: z.array(z.string()).max(5),
});

/** One revocation step offered for exposed credentials (src/assessment/scanner/detectors/secret-families.ts). */
export const RevocationSchema = z.object({
  provider: z.string(),
  kind: z.string().optional(),
  /** Whether the provider lets the owner revoke or deactivate the credential on its own. */
  revocable: z.boolean(),
  /** Action id for containment: deactivate_access_key, revoke_token, rotate_password, … */
  action: z.string(),
  how: z.string(),
  reference: z.string().optional(),
});

export const ExposureReportSchema = z.object({
  version: z.literal(1),
  files: z.array(FileReportSchema),
  totals: z.object({
    records: count,
    recordsWithPersonalData: count,
    individuals: count,
    individualsMethod: z.string(),
  }),
  elements: z.record(z.string(), ElementReportSchema),
  combinations: z.array(z.object({ elements: z.array(z.string()).min(2), records: count })),
  jurisdictions: z.record(z.string(), count),
  secrets: z.record(
    z.string(),
    z.object({
      count,
      samples: z.array(z.string()).max(5),
      // Issue 14 (added fields; absent in reports made before them).
      /** Family group: cloud_credential, vcs_token, chat_token, … (docs/scan-json.md). */
      family: z.string().optional(),
      /** Occurrences by issuer: aws, github, postgres… */
      providers: z.record(z.string(), count).optional(),
      /** Accounts the credentials name (GCP client_email, registry host, masked AWS key id); at most 5. */
      identities: z.array(z.string()).max(5).optional(),
      /** What a responder does, per provider (and kind where it differs); for containment. */
      revocation: z.array(RevocationSchema).optional(),
    }),
  ),
  /** Secrets by family group, with counts per provider. */
  secretFamilies: z.record(z.string(), z.object({ count, providers: z.record(z.string(), count) })).optional(),
  /** Matches of a credential's shape with too little entropy to be random, by family: not counted as secrets. */
  suspectSecrets: z.record(z.string(), z.object({ count, samples: z.array(z.string()).max(5) })).optional(),
  columns: z.array(
    z.object({
      file: z.string(),
      table: z.string(),
      column: z.string(),
      element: z.string(),
      confidence: z.number().min(0).max(1),
      /** Share of the sampled values that failed validation, when some did (issue 14 §4). */
      invalidShare: z.number().min(0).max(1).optional(),
    }),
  ),
  matching: z.object({ customers: count, matched: count, unmatched: count }),
  /**
   * Canary records found (issue 15 §4), present when the scan was given a canary set: which
   * datasets the leak came from, by the share of each dataset's canaries it holds.
   */
  canaries: z
    .object({
      /** Canary records the scan looked for. */
      known: count,
      /** Of them, found in the leak. */
      found: count,
      datasets: z.array(
        z.object({
          dataset: z.string(),
          plantedWhere: z.array(z.string()),
          canariesFound: count,
          canariesPlanted: count,
          /** Attribution by overlap: canariesFound / canariesPlanted, 0..1. */
          score: z.number().min(0).max(1),
          /** Canaries found per key: email, payment_card, name_phone (a canary may count under several). */
          matchedOn: z.record(z.string(), count),
          /** Up to 5 found canaries, masked. */
          samples: z.array(z.string()).max(5),
        }),
      ),
    })
    .optional(),
  performance: z.object({
    durationMs: z.number().nonnegative(),
    bytesPerSecond: z.number().nonnegative(),
    peakRssBytes: count,
  }),
});

export type ExposureReport = z.infer<typeof ExposureReportSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;

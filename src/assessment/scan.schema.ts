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
  secrets: z.record(z.string(), z.object({ count, samples: z.array(z.string()).max(5) })),
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
  performance: z.object({
    durationMs: z.number().nonnegative(),
    bytesPerSecond: z.number().nonnegative(),
    peakRssBytes: count,
  }),
});

export type ExposureReport = z.infer<typeof ExposureReportSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;

/** API types of remediation items (issue 16 §4) and containment suggestions (§3). */
import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const RemediationInputSchema = z
  .object({
    rootCause: z.string().trim().min(1).max(4000),
    fix: z.string().trim().min(1).max(4000),
    owner: z.string().trim().min(1).max(200).optional(),
    due: Day.optional(),
    /** The response plan's "secure" task this item answers. */
    taskId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type RemediationInput = z.infer<typeof RemediationInputSchema>;

/** Evidence that the fix holds: an evidence file, a scan without the secret, or a verified action. */
export const FixEvidenceSchema = z
  .object({
    type: z.enum(['evidence', 'assessment', 'action']),
    id: z.string().min(1).max(200),
    /** For `assessment`: the secret type (detector id) that must no longer be found, e.g. github_token. */
    secretType: z.string().min(1).max(100).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type FixEvidence = z.infer<typeof FixEvidenceSchema>;

export const RemediationSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  rootCause: z.string(),
  fix: z.string(),
  owner: z.string().nullable(),
  due: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  taskId: z.string().nullable(),
  evidence: FixEvidenceSchema.nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Remediation = z.infer<typeof RemediationSchema>;

export const SuggestionSchema = z.object({
  /** Plan it as it stands: POST /api/v1/incidents/{id}/action-suggestions/{suggestionId}/plan. */
  id: z.string(),
  title: z.string(),
  source: z.enum(['observable', 'scan']),
  connectorKind: z.string(),
  operation: z.string(),
  /** Connectors of that kind that are configured (plan with one of them). */
  connectors: z.array(z.string()),
  /** Ready-made targets; empty where the values are not known to Breachdesk (masked scan samples). */
  targets: z.array(z.string()),
  count: z.number(),
  samples: z.array(z.string()),
  /** From the scan's revocation advice (ExposureReport secrets[].revocation): what to do, and the vendor's page. */
  how: z.string().optional(),
  reference: z.string().optional(),
  /** How many targets Breachdesk holds for it (observables, or the values a server scan kept sealed): planned without typing them. */
  ready: z.number(),
  /** Those targets masked for everyone ("AKIA…1234"; at most 20). */
  maskedTargets: z.array(z.string()),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SuggestionPlanInputSchema = z
  .object({
    /** Connector name or id; may be left out when exactly one connector of the suggestion's kind is configured. */
    connector: z.string().min(1).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type SuggestionPlanInput = z.infer<typeof SuggestionPlanInputSchema>;

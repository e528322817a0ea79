import { z } from 'zod';

export const EXPERT_KINDS = ['outside_counsel', 'forensics', 'insurer', 'pr_agency', 'law_enforcement', 'notice_vendor', 'other'] as const;
export const ExpertKindSchema = z.enum(EXPERT_KINDS);
export type ExpertKind = z.infer<typeof ExpertKindSchema>;

export const ENGAGEMENT_STATUSES = ['proposed', 'engaged', 'ended'] as const;
export const EngagementStatusSchema = z.enum(ENGAGEMENT_STATUSES);

const text = (max: number) => z.string().trim().min(1).max(max);

export const ExpertInputSchema = z.object({
  kind: ExpertKindSchema,
  name: text(300).describe('firm, agency or person'),
  contactName: text(300).nullish(),
  email: z.string().trim().email().max(320).nullish(),
  phone: text(60).nullish(),
  address: text(1000).nullish(),
  website: z.string().trim().url().max(500).nullish(),
  notes: text(10_000).nullish(),
  policyNumber: text(200).nullish().describe('insurer only: the cyber policy number'),
  claimHotline: text(60).nullish().describe('insurer only: the breach/claim hotline'),
});
export type ExpertInput = z.infer<typeof ExpertInputSchema>;
export const ExpertPatchSchema = ExpertInputSchema.partial();
export type ExpertPatch = z.infer<typeof ExpertPatchSchema>;

export const ExpertSchema = z.object({
  id: z.string(),
  kind: ExpertKindSchema,
  name: z.string(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  policyNumber: z.string().nullable(),
  claimHotline: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Expert = z.infer<typeof ExpertSchema>;

export const ExpertListQuery = z.object({
  kind: ExpertKindSchema.optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const EngageInputSchema = z.object({
  expertId: z.string().min(1),
  role: text(300).describe('role on the incident, e.g. "breach counsel", "forensic investigation"'),
  terms: z.string().trim().max(10_000).default('').describe('engagement terms: letter, rates, scope, privilege arrangement'),
  status: EngagementStatusSchema.default('engaged'),
  engagedAt: z.string().datetime({ offset: true }).optional().describe('defaults to now'),
  notes: text(10_000).nullish(),
});
export type EngageInput = z.infer<typeof EngageInputSchema>;

export const EngagementPatchSchema = z.object({
  role: text(300).optional(),
  terms: z.string().trim().max(10_000).optional(),
  status: EngagementStatusSchema.optional(),
  notes: text(10_000).nullish(),
});
export type EngagementPatch = z.infer<typeof EngagementPatchSchema>;

export const EngagementSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  expert: ExpertSchema,
  role: z.string(),
  terms: z.string(),
  status: EngagementStatusSchema,
  notes: z.string().nullable(),
  engagedBy: z.string().nullable(),
  engagedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type Engagement = z.infer<typeof EngagementSchema>;

/** API types of containment (zod: they feed validation, OpenAPI and the generated web client). */
import { z } from 'zod';

export const ACTION_STATES = ['planned', 'approved', 'executing', 'done', 'failed', 'verified', 'undone'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const ConnectorInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore'),
    kind: z.string().min(1),
    config: z.record(z.string(), z.unknown()).default({}),
    /** Entered once; stored encrypted and never shown again. */
    secrets: z.record(z.string(), z.string()).default({}),
    /** Approval policy per operation, overriding the manifest (irreversible ones never run unapproved). */
    approvals: z.record(z.string(), z.enum(['none', 'commander', 'two'])).default({}),
  })
  .strict();
export type ConnectorInput = z.infer<typeof ConnectorInputSchema>;

export const ConnectorSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  config: z.record(z.string(), z.unknown()),
  /** Names of the secrets that are set (their values are never returned). */
  secretsSet: z.array(z.string()),
  approvals: z.record(z.string(), z.enum(['none', 'commander', 'two'])),
  checkedAt: z.string().nullable(),
  checkOk: z.boolean().nullable(),
  checkResult: z.string().nullable(),
  createdAt: z.string(),
});
export type ConnectorView = z.infer<typeof ConnectorSchema>;

export const OperationManifestSchema = z.object({
  name: z.string(),
  title: z.string(),
  target: z.string(),
  reversible: z.boolean(),
  approval: z.enum(['none', 'commander', 'two']),
  params: z.unknown(),
});
export const ConnectorKindSchema = z.object({
  kind: z.string(),
  title: z.string(),
  secrets: z.array(z.string()),
  /** Secrets only some operations need (GitHub's organisation token for remove-org-member). */
  optionalSecrets: z.array(z.string()),
  config: z.unknown(),
  operations: z.array(OperationManifestSchema),
});

export const LinkSchema = z.object({ type: z.enum(['task', 'observable', 'finding', 'remediation']), id: z.string().min(1).max(200) });

export const PlanInputSchema = z
  .object({
    connector: z.string().min(1).describe('connector id or name'),
    operation: z.string().min(1),
    targets: z.array(z.string().trim().min(1).max(500)).min(1).max(5000),
    params: z.record(z.string(), z.unknown()).default({}),
    links: z.array(LinkSchema).max(100).default([]),
  })
  .strict();
export type PlanInput = z.infer<typeof PlanInputSchema>;

export const ActionSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  bulkId: z.string(),
  connector: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  operation: z.string(),
  target: z.string(),
  params: z.record(z.string(), z.unknown()),
  state: z.enum(ACTION_STATES),
  approval: z.enum(['none', 'commander', 'two']),
  reversible: z.boolean(),
  requestedBy: z.string().nullable(),
  approvals: z.array(z.object({ username: z.string(), at: z.string() })),
  plan: z.array(z.string()),
  /** What undo would restore, in words (from the saved pre-state). */
  undoPreview: z.string().nullable(),
  result: z.string().nullable(),
  verification: z.string().nullable(),
  error: z.string().nullable(),
  links: z.array(LinkSchema),
  attempts: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Action = z.infer<typeof ActionSchema>;

export const BulkSchema = z.object({ bulkId: z.string(), items: z.array(ActionSchema) });

export const SelectionSchema = z
  .object({ actionIds: z.array(z.string()).max(5000).optional(), bulkId: z.string().optional() })
  .strict()
  .refine((s) => !!s.actionIds?.length !== !!s.bulkId, 'give either actionIds or bulkId');
export type Selection = z.infer<typeof SelectionSchema>;

/** Per-target result of a step over a selection: the rest still runs when one fails. */
export const StepResultSchema = z.object({
  items: z.array(z.object({ id: z.string(), target: z.string(), ok: z.boolean(), state: z.enum(ACTION_STATES), detail: z.string().nullable() })),
});
export type StepResult = z.infer<typeof StepResultSchema>;

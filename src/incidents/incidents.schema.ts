/**
 * zod types of the incident workspace: the API's request and response bodies (they feed
 * OpenAPI) and the shapes other features read through the service.
 */
import { z } from 'zod';
import { INCIDENT_ROLES } from './incident-access.js';

export const INCIDENT_STATUSES = ['suspected', 'confirmed', 'contained', 'notifying', 'recovering', 'closed', 'dismissed'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** The three security properties a personal-data breach can touch (EDPB Guidelines 9/2022 §2.2: confidentiality, integrity, availability breaches). */
export const CATEGORIES = ['confidentiality', 'integrity', 'availability'] as const;
export const PHASES = ['confirm', 'contain', 'assess', 'notify', 'secure', 'learn', 'experts'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'skipped'] as const;
export const OBSERVABLE_KINDS = ['ip', 'domain', 'url', 'hash', 'email', 'account'] as const;

export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);
export const SeveritySchema = z.enum(SEVERITIES);
export const CategorySchema = z.enum(CATEGORIES);
export const PhaseSchema = z.enum(PHASES);
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export const IncidentRoleSchema = z.enum(INCIDENT_ROLES);
export const ObservableKindSchema = z.enum(OBSERVABLE_KINDS);

export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type TaskStatus = z.infer<typeof TaskStatusSchema>;
export type ObservableKind = z.infer<typeof ObservableKindSchema>;

/** ISO-8601 instant with an offset or Z (stored normalised to UTC). */
export const IsoTime = z.iso.datetime({ offset: true });

export const IncidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  status: IncidentStatusSchema,
  dismissedReason: z.string().nullable(),
  severity: SeveritySchema,
  categories: z.array(CategorySchema),
  detectedAt: z.string().nullable(),
  awareAt: z.string(),
  containedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /**
   * When the breach itself started and, for a range, ended (issue 20 §6): "the date, estimated
   * date, or date range of the breach" of US state notices (e.g. Cal. Civ. Code §1798.82(d)(2)(C)),
   * HIPAA's "date of the breach" (45 CFR §164.404(c)(1)(A)). Null until known.
   */
  breachStartedAt: z.string().nullable(),
  breachEndedAt: z.string().nullable(),
  planVersion: z.number().int(),
  facts: z.string(),
  effects: z.string(),
  remedialAction: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The next open legal deadline (ISO UTC) from the obligation engine; lists carry it for countdowns. */
  nextDeadline: z.string().nullable().optional(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const IncidentDetailSchema = IncidentSchema.extend({
  /** The next open legal deadline from the obligation engine (null when none is pending). */
  nextDeadline: z.string().nullable(),
  myRole: IncidentRoleSchema.nullable(),
  permissions: z.object({ read: z.boolean(), write: z.boolean(), privileged: z.boolean(), manageMembers: z.boolean() }),
});

export const CreateIncidentSchema = z.object({
  title: z.string().trim().min(1).max(300),
  summary: z.string().max(20_000).optional(),
  severity: SeveritySchema.optional(),
  categories: z.array(CategorySchema).max(3).optional(),
  detectedAt: IsoTime.optional(),
  /** When the organisation became aware (starts every legal clock); defaults to now. */
  awareAt: IsoTime.optional(),
  breachStartedAt: IsoTime.optional(),
  breachEndedAt: IsoTime.optional(),
  status: z.enum(['suspected', 'confirmed']).optional(),
});
export type CreateIncidentInput = z.infer<typeof CreateIncidentSchema>;

export const UpdateIncidentSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  summary: z.string().max(20_000).optional(),
  severity: SeveritySchema.optional(),
  categories: z.array(CategorySchema).max(3).optional(),
  detectedAt: IsoTime.nullable().optional(),
  awareAt: IsoTime.optional(),
  /** Required when awareAt changes: it moves every legal clock. */
  awareAtReason: z.string().trim().min(1).max(2000).optional(),
  containedAt: IsoTime.nullable().optional(),
  breachStartedAt: IsoTime.nullable().optional(),
  breachEndedAt: IsoTime.nullable().optional(),
  facts: z.string().max(50_000).optional(),
  effects: z.string().max(50_000).optional(),
  remedialAction: z.string().max(50_000).optional(),
});
export type UpdateIncidentInput = z.infer<typeof UpdateIncidentSchema>;

export const TransitionSchema = z.object({
  status: IncidentStatusSchema,
  /** Required for `dismissed`. */
  reason: z.string().trim().min(1).max(2000).optional(),
  /** When the new state was reached (containedAt / closedAt); defaults to now. */
  at: IsoTime.optional(),
});
export type TransitionInput = z.infer<typeof TransitionSchema>;

export const ListIncidentsQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  status: IncidentStatusSchema.optional(),
});

export const ChecklistItemSchema = z.object({ text: z.string().min(1).max(500), done: z.boolean() });
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const TaskSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  position: z.number().int(),
  phase: PhaseSchema,
  key: z.string().nullable(),
  title: z.string(),
  ownerRole: z.string().nullable(),
  assigneeId: z.string().nullable(),
  status: TaskStatusSchema,
  anchor: z.string().nullable(),
  offsetMinutes: z.number().int().nullable(),
  dueAt: z.string().nullable(),
  notes: z.string(),
  checklist: z.array(ChecklistItemSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskViewSchema = z.enum(['all', 'open', 'dueSoon', 'overdue']);
export const ListTasksQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  view: TaskViewSchema.default('all'),
  phase: PhaseSchema.optional(),
  /** dueSoon window in hours (default 24). */
  withinHours: z.coerce.number().int().min(1).max(24 * 30).default(24),
});

export const UpdateTaskSchema = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  status: TaskStatusSchema.optional(),
  assigneeId: z.string().nullable().optional(),
  dueAt: IsoTime.nullable().optional(),
  notes: z.string().max(20_000).optional(),
  checklist: z.array(ChecklistItemSchema).max(200).optional(),
});
export type UpdateTaskInput = z.infer<typeof UpdateTaskSchema>;

export const CreateTaskSchema = z.object({
  phase: PhaseSchema,
  title: z.string().trim().min(1).max(500),
  ownerRole: IncidentRoleSchema.optional(),
  assigneeId: z.string().optional(),
  dueAt: IsoTime.optional(),
  notes: z.string().max(20_000).optional(),
  checklist: z.array(z.string().min(1).max(500)).max(200).optional(),
});
export type CreateTaskInput = z.infer<typeof CreateTaskSchema>;

export const TIMELINE_KINDS = ['change', 'note', 'attacker_activity', 'detection', 'containment', 'communication', 'decision', 'other'] as const;
export const TimelineKindSchema = z.enum(TIMELINE_KINDS);

export const TimelineEntrySchema = z.object({
  id: z.string(),
  source: z.enum(['audit', 'manual']),
  kind: z.string(),
  /** When it happened. */
  at: z.string(),
  /** When it was written down. */
  recordedAt: z.string(),
  actor: z.string().nullable(),
  text: z.string(),
  action: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const CreateTimelineEntrySchema = z.object({
  kind: TimelineKindSchema.exclude(['change']).default('note'),
  at: IsoTime,
  text: z.string().trim().min(1).max(20_000),
});

export const TimelineQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  kind: z.string().optional().describe('comma-separated kinds'),
  source: z.enum(['audit', 'manual']).optional(),
});

export const MemberSchema = z.object({
  incidentId: z.string(),
  userId: z.string(),
  username: z.string().nullable(),
  role: IncidentRoleSchema,
  addedBy: z.string(),
  addedAt: z.string(),
});
export const AddMemberSchema = z
  .object({ userId: z.string().optional(), username: z.string().optional(), role: IncidentRoleSchema.default('member') })
  .refine((v) => !!(v.userId || v.username), { message: 'give userId or username' });

/** Decision kinds the obligations engine reads; `other` for the rest. */
export const DECISION_KINDS = ['gdpr_risk', 'no_notice', 'notify_authority', 'notify_individuals', 'severity', 'other'] as const;
export const DecisionKindSchema = z.enum(DECISION_KINDS);
export const GDPR_RISK_VALUES = ['unlikely', 'risk', 'high'] as const;

export const DecisionSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  kind: DecisionKindSchema,
  value: z.string().nullable(),
  what: z.string(),
  why: z.string(),
  decidedAt: z.string(),
  decidedBy: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  createdAt: z.string(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const CreateDecisionSchema = z
  .object({
    kind: DecisionKindSchema,
    value: z.string().max(200).optional(),
    what: z.string().trim().min(1).max(5000),
    why: z.string().trim().min(1).max(20_000),
    decidedAt: IsoTime.optional(),
  })
  .superRefine((v, ctx) => {
    // GDPR Art. 33(1)/34(1): the risk level decides which notices are owed.
    if (v.kind === 'gdpr_risk' && !(GDPR_RISK_VALUES as readonly string[]).includes(v.value ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `gdpr_risk needs value ${GDPR_RISK_VALUES.join('|')}` });
    }
  });
export type CreateDecisionInput = z.infer<typeof CreateDecisionSchema>;

export const ObservableSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  kind: ObservableKindSchema,
  /** Personal kinds (email, account) are masked unless the caller may unmask. */
  value: z.string(),
  masked: z.boolean(),
  note: z.string(),
  createdAt: z.string(),
});
export type Observable = z.infer<typeof ObservableSchema>;
export const CreateObservableSchema = z.object({
  kind: ObservableKindSchema,
  value: z.string().trim().min(1).max(2000),
  note: z.string().max(2000).optional(),
});
export const SearchObservablesQuery = z.object({ kind: ObservableKindSchema, value: z.string().min(1).max(2000) });

export const RegisterEntrySchema = z.object({
  incidentId: z.string(),
  title: z.string(),
  status: IncidentStatusSchema,
  severity: SeveritySchema,
  categories: z.array(CategorySchema),
  detectedAt: z.string().nullable(),
  awareAt: z.string(),
  containedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** When the breach started and ended, if known (issue 20 §6). */
  breachStartedAt: z.string().nullable(),
  breachEndedAt: z.string().nullable(),
  facts: z.string(),
  effects: z.string(),
  remedialAction: z.string(),
  gdprRisk: z.string().nullable(),
  notificationDecisions: z.array(z.string()),
  /** Notifications made: sent notices and recorded submissions, on time or late (issue 20 §4). */
  notifications: z.array(z.string()),
});
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>;

export function page<T>(schema: z.ZodType<T>) {
  return z.object({ items: z.array(schema), nextCursor: z.string().nullable() });
}

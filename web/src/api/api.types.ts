/**
 * Types of the API bodies the UI reads. Where the server publishes the operation, the type is
 * taken from `schema.ts`, generated from /api/openapi.json by `web/scripts/gen-api.mjs` (so a
 * changed route schema breaks the web type check instead of a page); the rest mirror the
 * zod schemas of src/assessment/scan.schema.ts and src/obligations/obligations.schema.ts.
 */
import type { paths } from './schema.js';

type Ok<R> = R extends { '200': infer T } ? T : R extends { '201': infer T } ? T : R extends { '202': infer T } ? T : never;
/** The success body of an operation. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? Ok<R> : never;
/** The request body of an operation. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { body: infer B } ? B : never;
type Item<T> = T extends { items: Array<infer I> } ? I : never;

export type Role = 'admin' | 'incident_commander' | 'responder' | 'legal' | 'viewer';
export const ROLES: Role[] = ['admin', 'incident_commander', 'responder', 'legal', 'viewer'];

export type User = Item<ResponseOf<'/api/v1/users', 'get'>>;

export type Me = ResponseOf<'/api/v1/me', 'get'>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ApiToken = Item<ResponseOf<'/api/v1/tokens', 'get'>>;

export const INCIDENT_STATUSES = ['suspected', 'confirmed', 'contained', 'notifying', 'recovering', 'closed', 'dismissed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** The seven steps of the response, in order (src/incidents/incidents.schema.ts PHASES). */
export const PHASES = [
  { id: 'confirm', label: 'Confirm' },
  { id: 'contain', label: 'Contain' },
  { id: 'assess', label: 'Assess' },
  { id: 'notify', label: 'Notify' },
  { id: 'secure', label: 'Secure' },
  { id: 'learn', label: 'Learn' },
  { id: 'experts', label: 'Engage experts' },
] as const;
export type Phase = (typeof PHASES)[number]['id'];

type IncidentDetail = ResponseOf<'/api/v1/incidents/{id}', 'get'>;
/** List items lack the detail-only fields (next deadline, my role and permissions). */
export type Incident = Item<ResponseOf<'/api/v1/incidents', 'get'>> & Partial<Pick<IncidentDetail, 'nextDeadline' | 'myRole' | 'permissions'>>;

export type Task = Item<ResponseOf<'/api/v1/incidents/{id}/tasks', 'get'>>;

export const TIMELINE_KINDS = ['note', 'attacker_activity', 'detection', 'containment', 'communication', 'decision', 'other'] as const;
export type TimelineEntry = Item<ResponseOf<'/api/v1/incidents/{id}/timeline', 'get'>>;

export type Member = Item<ResponseOf<'/api/v1/incidents/{id}/members', 'get'>>;

export const DECISION_KINDS = ['gdpr_risk', 'no_notice', 'notify_authority', 'notify_individuals', 'severity', 'other'] as const;
export type Decision = Item<ResponseOf<'/api/v1/incidents/{id}/decisions', 'get'>>;

export type EvidenceItem = Item<ResponseOf<'/api/v1/incidents/{id}/evidence', 'get'>>;

export type CustodyRow = Item<ResponseOf<'/api/v1/evidence/{itemId}/custody', 'get'>>;

export type Expert = Item<ResponseOf<'/api/v1/experts', 'get'>>;

/** One assessment with its ExposureReport v1 (src/assessment/scan.schema.ts). */
export type Assessment = ResponseOf<'/api/v1/assessments/{id}', 'get'>;
export type ExposureReport = NonNullable<Assessment['report']>;
/** A tracked notification obligation (src/obligations/tracking/tracking.routes.ts). */
export type TrackedObligation = Item<ResponseOf<'/api/v1/incidents/{id}/obligations', 'get'>>;


type NotNever<T> = [T] extends [never] ? false : true;
type AllTrue<T extends true[]> = T;
/** Compile-time check: each derived type resolved (a changed response shape would make it `never`). */
export type GeneratedTypesResolve = AllTrue<
  [NotNever<User>, NotNever<Me>, NotNever<ExposureReport>, NotNever<TrackedObligation>, NotNever<ApiToken>, NotNever<Incident>, NotNever<Task>, NotNever<TimelineEntry>, NotNever<Member>, NotNever<Decision>, NotNever<EvidenceItem>, NotNever<CustodyRow>, NotNever<Expert>]
>;

/** Confirm (issue 15): the triage queue and outside reports. */
export type Suspect = Item<ResponseOf<'/api/v1/triage/suspects', 'get'>>;
export type SuspectDetail = ResponseOf<'/api/v1/triage/suspects/{suspectId}', 'get'>;
export type ConfirmResult = ResponseOf<'/api/v1/triage/suspects/{suspectId}/confirm', 'post'>;
export type ReportInput = BodyOf<'/api/v1/reports', 'post'>;

/** Containment (src/contain): actions with their state and undo preview, remediation items. */
export type ContainAction = Item<ResponseOf<'/api/v1/incidents/{id}/actions', 'get'>>;
export type StepResult = ResponseOf<'/api/v1/incidents/{id}/actions/run', 'post'>;
export type Remediation = Item<ResponseOf<'/api/v1/incidents/{id}/remediations', 'get'>>;
export type ActionSuggestion = Item<ResponseOf<'/api/v1/incidents/{id}/action-suggestions', 'get'>>;
export type PlannedBulk = ResponseOf<'/api/v1/incidents/{id}/action-suggestions/{suggestionId}/plan', 'post'>;

/**
 * What the learn feature reads from, and writes to, the rest of Breachdesk — small ports filled
 * in src/main/modules.ts. Learn never imports another feature: the composition root adapts the
 * incidents, obligations, notices and experts services (and, once they exist, the containment and
 * detection features) to these shapes, so each can be filled later without touching learn.
 */
import type { Principal } from '../platform/auth/roles.js';

export interface IncidentFact {
  id: string;
  title: string;
  summary: string;
  status: string;
  severity: string;
  detectedAt: string | null;
  awareAt: string;
  containedAt: string | null;
  closedAt: string | null;
  planVersion: number;
}

export interface TimelineFact {
  id: string;
  kind: string;
  at: string;
  actor: string | null;
  text: string;
  action: string | null;
}

export interface TaskFact {
  id: string;
  phase: string;
  title: string;
  status: string;
  dueAt: string | null;
  assigneeId: string | null;
  /** When it was marked done (from the audit trail), or null. */
  doneAt: string | null;
}

/** One obligation of the incident with the moment it was met (from the audit trail). */
export interface ObligationFact {
  id: string;
  regime: string;
  jurisdiction: string;
  recipient: string;
  citation: string;
  deadline: string | null;
  status: string;
  statusReason: string | null;
  /** When it was marked done, or null while open / not required. */
  metAt: string | null;
}

export interface IncidentsPort {
  get(id: string): Promise<IncidentFact | null>;
  /** Every incident the principal may read (for trends across incidents). */
  list(p: Principal): Promise<IncidentFact[]>;
  timeline(id: string): Promise<TimelineFact[]>;
  tasks(id: string): Promise<TaskFact[]>;
  /** Action items of a review are tasks of the incident (phase `learn`). */
  createTask(p: Principal, incidentId: string, input: { title: string; assigneeId?: string; dueAt?: string; notes?: string; phase?: string }): Promise<TaskFact>;
  /** Opens an incident (drills open practice incidents). */
  create(p: Principal, input: { title: string; summary: string; severity: string; categories: string[]; awareAt: string; status: 'confirmed' }): Promise<IncidentFact>;
  /** Writes an injected drill event into the timeline as the drill's system actor. */
  injectEvent(incidentId: string, input: { kind: string; at: string; text: string }): Promise<void>;
}

export interface EvidencePort {
  /** Stores a file as evidence of the incident (encrypted at rest, custody recorded). */
  add(p: Principal, incidentId: string, name: string, data: Buffer): Promise<{ id: string }>;
}

export interface ObligationsPort {
  list(incidentId: string): Promise<ObligationFact[]>;
}

export interface NotificationsPort {
  /** People reached per channel (email, postal, …) by the incident's notices. */
  reachedByChannel(p: Principal, incidentId: string): Promise<Record<string, number>>;
  /** Affected people per jurisdiction code. */
  peopleByJurisdiction(incidentId: string): Promise<Record<string, number>>;
}

/**
 * Containment as the metrics read it. Today it is filled from the incident's `containedAt` and the
 * timeline entries of kind `containment`; the containment feature (action catalog, verified
 * actions) fills it once it exists.
 */
export interface ContainmentFacts {
  containment(incidentId: string): Promise<{ containedAt: string | null; actions: Array<{ at: string; text: string; verified: boolean }> }>;
}

/**
 * Detection as the metrics read it: the first evidence of compromise. Today the incident's
 * `detectedAt` or the earliest timeline entry of kind `attacker_activity`/`detection`; the
 * detection feature (alerts, correlation) fills it once it exists.
 */
export interface DetectionFacts {
  firstCompromiseAt(incidentId: string): Promise<string | null>;
}

export interface ExpertsPort {
  engaged(p: Principal, incidentId: string): Promise<Array<{ name: string; kind: string; role: string; policyNumber: string | null; engagedAt: string }>>;
}

/** The organisation's response plan (versioned YAML, owned by the incident workspace). */
export interface PlanPort {
  current(): Promise<{ version: number; yaml: string }>;
  version(v: number): Promise<{ version: number; yaml: string }>;
  save(p: Principal, yaml: string): Promise<{ version: number }>;
  /** Throws a one-line BadInputError when the YAML is not a valid plan. */
  check(yaml: string): void;
}

export interface IncidentAccessPort {
  assertCanRead(p: Principal, incidentId: string): Promise<void>;
  assertCanWrite(p: Principal, incidentId: string): Promise<void>;
  canSeePrivileged(p: Principal, incidentId: string): Promise<boolean>;
  /** The principal's role on the incident (commander, communications, legal_counsel, …), or null. */
  incidentRole(p: Principal, incidentId: string): Promise<string | null>;
}

/** One message of a stakeholder update, for one recipient key. */
export type OutboxMessage = { channel: 'email'; to: string; subject: string; text: string } | { channel: 'webhook'; url: string; body: unknown };

/**
 * The notices' outbox (DESIGN.md: one delivery guarantee, one place): an update's messages are
 * outbox rows claimed, leased, retried and committed by the same deliverer as a notice's.
 */
export interface OutboxPort {
  /** One row per recipient key of the stream (idempotent). */
  enqueue(streamId: string, recipients: Array<{ key: string; channel: 'email' | 'webhook' }>): Promise<number>;
  /** Sends what is due; `nextDue` is when to run again (far retries), null once settled. */
  deliver(
    streamId: string,
    render: (key: string) => Promise<OutboxMessage | null>,
    signal?: AbortSignal,
  ): Promise<{ sent: number; retried: number; failed: number; bounced: number; settled: boolean; nextDue: string | null }>;
  status(streamId: string): Promise<{ counts: Record<string, number>; recipients: Array<{ key: string; channel: string; state: string; sentAt: string | null; error: string | null }> }>;
}

export interface LearnPorts {
  access: IncidentAccessPort;
  incidents: IncidentsPort;
  obligations: ObligationsPort;
  notifications: NotificationsPort;
  containment: ContainmentFacts;
  detection: DetectionFacts;
  experts: ExpertsPort;
  plan: PlanPort;
  evidence: EvidencePort;
  outbox: OutboxPort;
  /** Masks an e-mail address for display (the notices' mask: j***@example.com). */
  maskEmail(email: string): string;
  /** Subscribes to the incident events that trigger updates (wired from the audit trail). */
  onIncidentEvent(listener: (e: { incidentId: string; event: UpdateEvent; ref: string }) => void): void;
}

/** Events that can trigger a stakeholder update. */
export const UPDATE_EVENTS = ['confirmed', 'contained', 'notified'] as const;
export type UpdateEvent = (typeof UPDATE_EVENTS)[number];

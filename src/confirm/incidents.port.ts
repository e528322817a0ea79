/**
 * What Confirm needs from the incident workspace, wired in src/main/modules.ts over the incidents
 * service (features meet only through small ports). Creating the incident through the
 * workspace's own use case sets the awareness time the legal clocks start from (GDPR Art. 33(1)).
 */
import type { Principal } from '../platform/auth/roles.js';
import type { ObservableKind } from './observable-kinds.js';

export interface NewIncident {
  title: string;
  summary: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  awareAt: string;
  detectedAt?: string;
}

export interface IncidentsPort {
  create(p: Principal, input: NewIncident): Promise<{ id: string; awareAt: string }>;
  /** Throws (404/403) unless the principal may change the incident. */
  assertCanWrite(p: Principal, incidentId: string): Promise<void>;
  addObservable(p: Principal, incidentId: string, input: { kind: ObservableKind; value: string; note: string }): Promise<void>;
  addTimelineEntry(p: Principal, incidentId: string, input: { kind: 'detection' | 'note'; at: string; text: string }): Promise<void>;
  /** Adds a file as evidence (encrypted, with its custody ledger); answers its id. */
  addEvidence(p: Principal, incidentId: string, input: { name: string; description: string; bytes: Buffer }): Promise<{ id: string; sha256: string }>;
}

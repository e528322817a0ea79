/** What the triage API shows of stored alerts and suspects (personal values masked by default). */
import { maskObservable } from '../incidents/observables.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import type { IntakeAlertsTable, IntakeSuspectsTable } from './confirm.tables.js';
import type { NormalisedAlert } from './normalise/alert.js';

export interface SuspectView {
  id: string;
  title: string;
  score: number;
  severity: string;
  status: string;
  reason: string | null;
  incidentId: string | null;
  mergedInto: string | null;
  alertCount: number;
  firstSeen: string;
  lastSeen: string;
  createdAt: string;
  updatedAt: string;
}

export interface AlertView {
  id: string;
  source: string;
  kind: string;
  title: string;
  rule: { id: string | null; name: string; category: string | null; mitre: string[] };
  severity: string;
  severityRaw: string | null;
  observedAt: string;
  observedAtLocal: string | null;
  receivedAt: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
  status: string;
  dismissedReason: string | null;
  suspectId: string | null;
  incidentId: string | null;
  hosts: string[];
  users: string[];
  ips: string[];
  hashes: string[];
  files: string[];
  domains: string[];
  urls: string[];
  emails: string[];
  masked: boolean;
  rawSize: number;
  rawTruncated: boolean;
  raw?: string;
}

export function toSuspectView(r: IntakeSuspectsTable): SuspectView {
  return {
    id: r.id,
    title: r.title,
    score: r.score,
    severity: r.severity,
    status: r.status,
    reason: r.reason,
    incidentId: r.incident_id,
    mergedInto: r.merged_into,
    alertCount: r.alert_count,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function alertDetail(keyring: Keyring, r: IntakeAlertsTable): NormalisedAlert {
  return keyring.decryptJson<NormalisedAlert>(r.detail_enc, `intake-alert:${r.id}`);
}

export function toAlertView(keyring: Keyring, r: IntakeAlertsTable, opts: { unmask?: boolean; raw?: boolean } = {}): AlertView {
  const d = alertDetail(keyring, r);
  const mask = !opts.unmask;
  return {
    id: r.id,
    source: r.source,
    kind: r.kind,
    title: r.title,
    rule: d.rule,
    severity: r.severity,
    severityRaw: r.severity_raw,
    observedAt: r.observed_at,
    observedAtLocal: r.observed_at_local,
    receivedAt: r.received_at,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    count: r.count,
    status: r.status,
    dismissedReason: r.dismissed_reason,
    suspectId: r.suspect_id,
    incidentId: r.incident_id,
    hosts: d.hosts,
    users: mask ? d.users.map((u) => maskObservable('account', u)) : d.users,
    ips: d.ips,
    hashes: d.hashes,
    files: d.files,
    domains: d.domains,
    urls: d.urls,
    emails: mask ? d.emails.map((e) => maskObservable('email', e)) : d.emails,
    masked: mask,
    rawSize: r.raw_size,
    rawTruncated: r.raw_truncated === 1,
    ...(opts.raw && opts.unmask ? { raw: keyring.decrypt(r.raw_enc, `intake-raw:${r.id}`) } : {}),
  };
}

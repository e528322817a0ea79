/**
 * Vendor severities onto one five-step scale (shared/reference/detection-containment.md §2.3):
 * Wazuh rule.level 0–16 (documentation.wazuh.com ruleset/rules), Elastic severity and risk_score
 * (low 21 / medium 47 / high 73 / critical 99), Suricata alert.severity (1 = highest, EVE
 * docs), Falco priorities (falcosidekick types/priority.go), GuardDuty float bands
 * (guardduty_findings.md: Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9).
 */
import { SEVERITIES, type Severity } from './alert.js';

export function fromWazuhLevel(level: number): Severity {
  if (level <= 3) return 'info';
  if (level <= 7) return 'low';
  if (level <= 11) return 'medium';
  if (level <= 14) return 'high';
  return 'critical';
}

export function fromRiskScore(score: number): Severity {
  if (score <= 20) return 'info';
  if (score <= 46) return 'low';
  if (score <= 72) return 'medium';
  if (score <= 98) return 'high';
  return 'critical';
}

export function fromSuricata(sev: number): Severity {
  if (sev <= 1) return 'high';
  if (sev === 2) return 'medium';
  return 'low';
}

const FALCO: Record<string, Severity> = {
  debug: 'info',
  informational: 'info',
  info: 'info',
  notice: 'low',
  warning: 'medium',
  error: 'high',
  critical: 'critical',
  alert: 'critical',
  emergency: 'critical',
};
export const fromFalco = (p: string): Severity => FALCO[p.toLowerCase()] ?? 'medium';

export function fromGuardDuty(sev: number): Severity {
  if (sev >= 9) return 'critical';
  if (sev >= 7) return 'high';
  if (sev >= 4) return 'medium';
  return 'low';
}

/** A word on our scale (generic JSON, Elastic's severity), with common synonyms. */
export function fromWord(w: string): Severity | null {
  const s = w.trim().toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(s)) return s as Severity;
  return ({ informational: 'info', information: 'info', moderate: 'medium', warning: 'medium', severe: 'high', urgent: 'critical' } as Record<string, Severity>)[s] ?? null;
}

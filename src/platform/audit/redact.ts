/**
 * Audit payloads keep the shape of a change but never secrets or personal data: keys that
 * name such fields are replaced by a marker (the encrypted store keeps the values themselves).
 */
const REDACT_KEY = /pass(word)?|secret|token|hash|ciphertext|^email$|phone|address|^name$|full_?name|ssn|dob|birth|value$|values|samples|iban|card|national/i;

export const REDACTED = '[redacted]';

export function redactForAudit(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactForAudit(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = REDACT_KEY.test(k) && v !== null && v !== undefined ? REDACTED : redactForAudit(v, depth + 1);
  }
  return out;
}

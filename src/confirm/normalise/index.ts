/**
 * Which normaliser reads a document (pure). A source may be pinned to one format; `auto` tries
 * the shapes from the most specific to the least. A document no normaliser reads is kept as
 * `unparsed` (issue 15: no alert is ever dropped).
 */
import { blank, isObj, type Json, type NormalisedAlert, type Obj, str } from './alert.js';
import { asffGuardDuty, canarytoken, elastic, generic, guardDuty, guardDutyFinding, isAsffGuardDuty, isCanarytoken, isElastic, isGeneric } from './vendors-cloud.js';
import { falco, isFalco, isSuricata, isWazuh, suricata, wazuh } from './vendors-ids.js';

export const INTAKE_FORMATS = ['auto', 'wazuh', 'elastic', 'suricata', 'falco', 'guardduty', 'canarytoken', 'generic'] as const;
export type IntakeFormat = (typeof INTAKE_FORMATS)[number];

type Reader = { format: Exclude<IntakeFormat, 'auto'>; read: (o: Obj, at: string) => NormalisedAlert | null };

const READERS: Reader[] = [
  { format: 'guardduty', read: (o, at) => ((f) => (f ? guardDuty(f, at) : null))(guardDutyFinding(o)) },
  { format: 'guardduty', read: (o, at) => (isAsffGuardDuty(o) ? asffGuardDuty(o, at) : null) },
  { format: 'elastic', read: (o, at) => (isElastic(o) ? elastic(o, at) : null) },
  { format: 'suricata', read: (o, at) => (isSuricata(o) ? suricata(o, at) : null) },
  { format: 'falco', read: (o, at) => (isFalco(o) ? falco(o, at) : null) },
  { format: 'canarytoken', read: (o, at) => (isCanarytoken(o) ? canarytoken(o, at) : null) },
  { format: 'wazuh', read: (o, at) => (isWazuh(o) ? wazuh(o, at) : null) },
  { format: 'generic', read: (o, at) => (isGeneric(o) ? generic(o, at) : null) },
];

/** Elasticsearch search hits carry the alert in `_source` (with `_id` beside it). */
function unwrap(doc: Obj): Obj {
  return isObj(doc._source) ? { ...doc._source, _id: doc._id ?? null } : doc;
}

export function normalise(doc: Json, format: IntakeFormat, receivedAt: string): NormalisedAlert {
  if (isObj(doc)) {
    const o = unwrap(doc);
    for (const r of READERS) {
      if (format !== 'auto' && r.format !== format) continue;
      const a = r.read(o, receivedAt);
      if (a) return a;
    }
  }
  const a = blank('unparsed', receivedAt);
  a.title = isObj(doc) ? (str(doc.title) ?? str(doc.message) ?? str(doc.name) ?? 'unrecognised alert') : 'unrecognised alert';
  a.title = a.title.slice(0, 200);
  a.rule.name = 'unparsed';
  return a;
}

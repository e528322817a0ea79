/**
 * One record's findings into a batch's partial aggregate (batch.ts): element counts, samples,
 * combinations, the values and composite link keys queued for the batch's blind-index digests,
 * jurisdiction hints; and, once the digests are known, the repeats of non-identifying values
 * dropped (dropSentValues). Split from batch.ts (issue 21, engine23) so each file stays small.
 */
import { ELEMENT_IDS, type ElementId, type SecretFinding, type ValueFinding } from '../types.js';
import type { BatchResult } from './batch.js';
import { digestValueOf, type GrowU32, type Keyed, type LinkQueue, namespaceOf } from './batch-digests.js';
import type { DetectionPort } from './detection.port.js';
import { maskSecretDefault } from './detection.port.js';
import { LINK_TAGS, MATCH_ONLY_TAGS } from './link-keys.js';
import { eachLinkKeyBytes } from './link-key-bytes.js';
import { tallySecret } from './secret-report.js';

/**
 * Elements whose presence makes a combination legally relevant: breach laws trigger on a name
 * (or e-mail/username) together with one of these (e.g. Cal. Civ. Code §1798.82(h), GDPR Art. 9).
 */
export const LAW_RELEVANT: ReadonlySet<ElementId> = new Set<ElementId>([
  'us_ssn', 'us_itin', 'national_id', 'passport_number', 'drivers_license', 'tax_id',
  'payment_card', 'card_security_code', 'bank_account', 'us_routing_number', 'iban', 'password',
  'password_hash', 'security_question', 'health', 'health_insurance', 'biometric', 'genetic',
  'special_category', 'date_of_birth', 'payment_card_partial',
]);

export const SAMPLES_PER_ELEMENT = 5;

/** Element tag = index in ELEMENT_IDS (fits a byte; 255 is reserved for customer rows). */
export const TAG_OF = new Map<string, number>(ELEMENT_IDS.map((e, i) => [e, i]));
/** Tags that link records: the strong identifiers and the composite link keys (link-keys.ts). */
export const STRONG_TAGS = LINK_TAGS;
const LAW_TAGS = new Uint8Array(256);
for (const e of LAW_RELEVANT) LAW_TAGS[TAG_OF.get(e)!] = 1;
const NAME_TAG = TAG_OF.get('person_name')!;
/** National IDs are digested under `national_id:<kind>` (namespaceOf): no key index per tag. */
const NATIONAL_ID_TAG = TAG_OF.get('national_id')!;
/** Records with a phone, or a name with a birth date or an address, may have composite link keys. */
const WEAK_BITS = (1 << TAG_OF.get('phone')!) | (1 << TAG_OF.get('date_of_birth')!) | (1 << TAG_OF.get('postal_address')!);
/** Tag used for an element outside ELEMENT_IDS (cannot happen with the real detectors). */
const OTHER_TAG = 254;
/**
 * Tags whose values a thread sends once per scan (value-cache.ts): neither strong identifiers nor
 * link keys nor phones, and not OTHER_TAG (which stands for several namespaces).
 */
const SENT_ONCE = new Uint8Array(256);
for (let t = 0; t < OTHER_TAG; t++) if (!LINK_TAGS[t] && !MATCH_ONLY_TAGS[t]) SENT_ONCE[t] = 1;

/** Findings per record whose element id is remembered by position (Acc.lastElement). */
export const TAG_MEMO = 16;

export interface Acc {
  out: BatchResult;
  keyed: Keyed;
  values: GrowU32;
  meta: GrowU32;
  /**
   * Per element tag: the key index of its namespace in keyed.batch, -1 until looked up. Not for
   * national IDs (their namespace depends on the kind) nor OTHER_TAG: those take namespaceOf.
   */
  keyOfTag: Int32Array;
  /** Hints as indices into out.hintNames; hintIndex maps a hint to its index. */
  hints: GrowU32;
  hintIndex: Map<string, number>;
  detection: DetectionPort;
  /** Records per element tag in this batch (copied into out.elementRecords at the end). */
  tagRecords: Int32Array;
  /** Per tag: its sample list once full (SAMPLES_PER_ELEMENT), so later values skip masking. */
  samplesFull: Uint8Array;
  /**
   * The element id and tag of the last record's k-th finding: rows of a table repeat the same
   * elements in the same order, and comparing an id with the previous one is cheaper than TAG_OF.
   */
  lastElement: string[];
  lastTag: Int32Array;
  /** Queues a record's link keys (their digests are filled in with the strong identifiers'). */
  links: LinkQueue;
}

/** Sorted, comma-joined element names of a set of tags (bit t of the mask = tag t, t < 31). */
const comboNames = new Map<number, string>();
function comboOf(mask: number): string {
  let c = comboNames.get(mask);
  if (c === undefined) {
    const names: string[] = [];
    for (let t = 0; t < ELEMENT_IDS.length && t < 31; t++) if (mask & (1 << t)) names.push(ELEMENT_IDS[t]);
    c = names.sort().join(',');
    comboNames.set(mask, c);
  }
  return c;
}

/**
 * Names, birth dates, cities repeat. A value this thread already sent in this scan, of an element
 * that is not a strong identifier, carries no person-record: a second copy would only meet the
 * first in people.ts's table, where it adds nothing. So it is not sent again (a third of a dense
 * CSV's values, bench/README.md, 2026-11-27, fourth session). Decided here, once the batch's
 * digests are known, by each value's digest (value-cache.ts), in record order: the repeats are
 * removed from `values` and from their record's count in `meta`; returns the new length of `values`.
 * Every triple of `values` is the digest queue's value of the same index (addRecord, LinkQueue),
 * so its digest is `digests[2i + 1]` (hi), `digests[2i]` (lo) (KeyedSip64Batch.results): written
 * here into the kept triples, in the same pass (before engine23, a separate pass over a list of
 * positions built per value filled them in first).
 * Given the arrays, not `acc`: inlined into processBatch's loop-entry (OSR) code, its property
 * loads on `acc` had no type feedback, and that code deoptimised there again on every later
 * batch (39 and 30 times in the two detection threads of one 40 MB mysqldump scan, `--trace-deopt`,
 * issue 21), each time finishing the batch in the interpreter.
 */
export function dropSentValues(v: Uint32Array, digests: Uint32Array, meta: Uint32Array, records: number, sent: Keyed['sent']): number {
  let r = 0;
  let d = 0;
  let w = 0;
  for (let rec = 0; rec < records; rec++) {
    const count = meta[3 * rec];
    let kept = 0;
    for (let j = 0; j < count; j++, r += 3, d += 2) {
      const tag = v[r + 2];
      const hi = digests[d + 1];
      const lo = digests[d];
      if (SENT_ONCE[tag]) {
        if (sent.has(tag, hi, lo)) continue;
        sent.add();
      }
      v[w] = hi;
      v[w + 1] = lo;
      v[w + 2] = tag;
      w += 3;
      kept++;
    }
    meta[3 * rec] = kept;
  }
  return w;
}

export function addRecord(acc: Acc, elements: ValueFinding[], secrets: SecretFinding[], hints: string[]): void {
  const { out, values, keyed: k } = acc;
  out.records++;
  for (const s of secrets) addSecret(acc, s);
  if (out.trace) out.trace.push([...new Set(elements.map((e) => e.element))].sort().join(','));
  if (elements.length === 0) return;
  out.withPersonal++;
  // Tags present in this record as a bit set (ELEMENT_IDS has < 31 entries; others are rare).
  let mask = 0;
  let others: string[] | null = null;
  let lawRelevant = false;
  let strong = false;
  /** Values of this record pushed to `values` (meta's first field). */
  let sent = 0;
  for (let pos = 0; pos < elements.length; pos++) {
    const e = elements[pos];
    let tag: number;
    if (pos < TAG_MEMO && acc.lastElement[pos] === e.element) tag = acc.lastTag[pos];
    else {
      tag = TAG_OF.get(e.element) ?? OTHER_TAG;
      if (pos < TAG_MEMO) {
        acc.lastElement[pos] = e.element;
        acc.lastTag[pos] = tag;
      }
    }
    if (tag < 31) {
      const bit = 1 << tag;
      if ((mask & bit) === 0) {
        mask |= bit;
        acc.tagRecords[tag]++;
        if (LAW_TAGS[tag]) lawRelevant = true;
      }
    } else if (others === null || !others.includes(e.element)) {
      others ??= [];
      others.push(e.element);
      out.elementRecords[e.element] = (out.elementRecords[e.element] ?? 0) + 1;
      if (LAW_RELEVANT.has(e.element)) lawRelevant = true;
    }
    // Every value is queued for the batch's one digest call, in the order of `values`, whose
    // triple stays (0, 0, tag) until dropSentValues reads the digests; repeats of non-identifying
    // values are dropped there.
    const key = acc.keyOfTag[tag];
    if (key >= 0) k.batch.addKey(key, digestValueOf(e));
    else {
      const ns = namespaceOf(e);
      k.batch.add(ns, digestValueOf(e));
      if (tag !== OTHER_TAG && tag !== NATIONAL_ID_TAG) acc.keyOfTag[tag] = k.batch.keyIndex(ns);
    }
    values.push3(0, 0, tag);
    sent++;
    if (STRONG_TAGS[tag]) strong = true;
    if (acc.samplesFull[tag]) continue;
    let samples = out.samples[e.element];
    if (!samples) {
      samples = [];
      out.samples[e.element] = samples;
    }
    if (samples.length < SAMPLES_PER_ELEMENT) {
      const m = acc.detection.maskValue(e.element, e.value);
      if (!samples.includes(m)) {
        samples.push(m);
        if (out.rawSamples) {
          const raw = out.rawSamples[e.element] ?? [];
          raw.push(e.value);
          out.rawSamples[e.element] = raw;
        }
      }
    }
    if (samples.length >= SAMPLES_PER_ELEMENT && tag < OTHER_TAG) acc.samplesFull[tag] = 1;
  }
  if ((mask & WEAK_BITS) !== 0) {
    const before = values.n;
    acc.links.strong = strong;
    eachLinkKeyBytes(elements, strong, acc.links);
    sent += (values.n - before) / 3;
  }
  if (lawRelevant) {
    let combo: string | null = null;
    if (others === null) {
      // Two or more distinct tags: mask is not a power of two.
      if ((mask & (mask - 1)) !== 0) combo = comboOf(mask);
    } else {
      const present = [...others];
      for (let t = 0; t < ELEMENT_IDS.length && t < 31; t++) if (mask & (1 << t)) present.push(ELEMENT_IDS[t]);
      if (present.length >= 2) combo = present.sort().join(',');
    }
    if (combo !== null) out.combos[combo] = (out.combos[combo] ?? 0) + 1;
  }
  acc.meta.push(sent);
  acc.meta.push(hints.length);
  acc.meta.push(mask & (1 << NAME_TAG) ? 1 : 0);
  for (const h of hints) {
    let i = acc.hintIndex.get(h);
    if (i === undefined) {
      i = out.hintNames.length;
      out.hintNames.push(h);
      acc.hintIndex.set(h, i);
    }
    acc.hints.push(i);
  }
}

function addSecret(acc: Acc, s: SecretFinding): void {
  tallySecret(acc.out, s, acc.detection.maskSecret ?? maskSecretDefault, !!acc.out.rawSamples);
}

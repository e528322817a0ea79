/**
 * Detection + blind indexing of one batch of records, reduced to a small, clonable partial
 * aggregate. Runs in a worker thread (scan.worker.ts) or in-thread; the main thread merges the
 * partials (aggregate.ts). A record is a row or a line.
 */
import { type ColumnClass, ELEMENT_IDS, type ElementId, type SecretFinding, type ValueFinding } from '../types.js';
import { type DetectionPort, maskSecretDefault } from './detection.port.js';
import { Hmac64 } from './hmac-sha256.js';
import { recordHints } from './jurisdiction.js';

/** Identifiers that single out one person: records sharing one are the same individual. */
export const STRONG_IDS: ReadonlySet<ElementId> = new Set<ElementId>([
  'email',
  'phone',
  'payment_card',
  'us_ssn',
  'us_itin',
  'national_id',
]);

/**
 * Elements whose presence makes a combination legally relevant: breach laws trigger on a name
 * (or e-mail/username) together with one of these (e.g. Cal. Civ. Code §1798.82(h), GDPR Art. 9).
 */
export const LAW_RELEVANT: ReadonlySet<ElementId> = new Set<ElementId>([
  'us_ssn', 'us_itin', 'national_id', 'passport_number', 'drivers_license', 'tax_id',
  'payment_card', 'card_security_code', 'bank_account', 'us_routing_number', 'iban', 'password',
  'password_hash', 'security_question', 'health', 'health_insurance', 'biometric', 'genetic',
  'special_category', 'date_of_birth',
]);

export const SAMPLES_PER_ELEMENT = 5;

/** Element tag = index in ELEMENT_IDS (fits a byte; 255 is reserved for customer rows). */
export const TAG_OF = new Map<string, number>(ELEMENT_IDS.map((e, i) => [e, i]));
export const STRONG_TAGS = new Uint8Array(256);
for (const e of STRONG_IDS) STRONG_TAGS[TAG_OF.get(e)!] = 1;

export type BatchTask = (
  | { kind: 'records'; key: Buffer | Uint8Array; classes: ColumnClass[]; rows: (string | null)[][] }
  | { kind: 'lines'; key: Buffer | Uint8Array; lines: string[] }
) & {
  /** Return each record's element ids (for accuracy tests against a labelled corpus). */
  trace?: boolean;
  /** Also return the unmasked values behind `samples` (for roles allowed to unmask). */
  raw?: boolean;
};

export interface BatchResult {
  records: number;
  withPersonal: number;
  elementRecords: Record<string, number>;
  samples: Record<string, string[]>;
  /** Sorted, comma-joined element ids → records with exactly that element set. */
  combos: Record<string, number>;
  secrets: Record<string, { count: number; samples: string[] }>;
  /** Blind-index digests of every value of every record with personal data: (hi, lo, tag) triples. */
  values: Uint32Array;
  /** Per record with personal data: [number of values, number of hints, named 0/1]. */
  meta: Int32Array;
  hints: string[];
  /** With `trace`: per record, its sorted element ids joined by commas ('' for none). */
  trace?: string[];
  /** With `raw`: the unmasked value of each entry of `samples`, same order. */
  rawSamples?: Record<string, string[]>;
}

/** Per key: the HMAC and a digest cache of non-identifying values (names, dates repeat). */
const hmacs = new Map<string, { hmac: Hmac64; cache: Map<string, [number, number]> }>();
function keyed(key: Buffer | Uint8Array) {
  const hex = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('hex');
  let h = hmacs.get(hex);
  if (!h) {
    if (hmacs.size > 4) hmacs.clear();
    h = { hmac: new Hmac64(Buffer.from(hex, 'hex')), cache: new Map() };
    hmacs.set(hex, h);
  }
  return h;
}
export function hmacFor(key: Buffer | Uint8Array): Hmac64 {
  return keyed(key).hmac;
}

/** Namespace of a value's digest: national IDs of different kinds never collide. */
export function namespaceOf(f: ValueFinding): string {
  return f.element === 'national_id' && f.kind ? `national_id:${f.kind}` : f.element;
}

class GrowU32 {
  a = new Uint32Array(4096);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
}

interface Acc {
  out: BatchResult;
  hmac: Hmac64;
  digestCache: Map<string, [number, number]>;
  values: GrowU32;
  meta: GrowU32;
  detection: DetectionPort;
}

export function processBatch(task: BatchTask, detection: DetectionPort): BatchResult {
  const out: BatchResult = {
    records: 0, withPersonal: 0, elementRecords: {}, samples: {}, combos: {}, secrets: {},
    values: new Uint32Array(0), meta: new Int32Array(0), hints: [],
  };
  if (task.trace) out.trace = [];
  if (task.raw) out.rawSamples = {};
  const { hmac, cache } = keyed(task.key);
  const acc: Acc = { out, hmac, digestCache: cache, values: new GrowU32(), meta: new GrowU32(), detection };
  if (task.kind === 'records') {
    for (const row of task.rows) {
      const f = detection.detectRecord(task.classes, row);
      addRecord(acc, f.elements, f.secrets, f.elements.length ? recordHints(f, detection.zipToState) : []);
    }
  } else {
    for (const line of task.lines) {
      const f = detection.scanText(line);
      addRecord(acc, f.elements, f.secrets, f.elements.length ? recordHints(f, detection.zipToState) : []);
    }
  }
  out.values = acc.values.a.slice(0, acc.values.n);
  out.meta = new Int32Array(acc.meta.a.buffer.slice(0, acc.meta.n * 4));
  return out;
}

function addRecord(acc: Acc, elements: ValueFinding[], secrets: SecretFinding[], hints: string[]): void {
  const { out, hmac, values, digestCache } = acc;
  out.records++;
  for (const s of secrets) addSecret(acc, s);
  if (out.trace) out.trace.push([...new Set(elements.map((e) => e.element))].sort().join(','));
  if (elements.length === 0) return;
  out.withPersonal++;
  const present: string[] = [];
  let lawRelevant = false;
  for (const e of elements) {
    if (!present.includes(e.element)) {
      present.push(e.element);
      out.elementRecords[e.element] = (out.elementRecords[e.element] ?? 0) + 1;
      if (LAW_RELEVANT.has(e.element)) lawRelevant = true;
    }
    const tag = TAG_OF.get(e.element) ?? 254;
    if (STRONG_TAGS[tag]) {
      hmac.digest(namespaceOf(e), e.value);
      values.push(hmac.hi);
      values.push(hmac.lo);
    } else {
      // Names, birth dates, cities repeat: cache their digests (strong identifiers rarely do).
      const ck = `${tag}\0${e.value}`;
      let d = digestCache.get(ck);
      if (d === undefined) {
        hmac.digest(namespaceOf(e), e.value);
        d = [hmac.hi, hmac.lo];
        if (digestCache.size >= 50_000) digestCache.clear();
        digestCache.set(ck, d);
      }
      values.push(d[0]);
      values.push(d[1]);
    }
    values.push(tag);
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
  }
  if (present.length >= 2 && lawRelevant) {
    const combo = present.sort().join(',');
    out.combos[combo] = (out.combos[combo] ?? 0) + 1;
  }
  acc.meta.push(elements.length);
  acc.meta.push(hints.length);
  acc.meta.push(present.includes('person_name') ? 1 : 0);
  for (const h of hints) out.hints.push(h);
}

function addSecret(acc: Acc, s: SecretFinding): void {
  const entry = acc.out.secrets[s.type] ?? { count: 0, samples: [] };
  acc.out.secrets[s.type] = entry;
  entry.count++;
  if (entry.samples.length < SAMPLES_PER_ELEMENT) {
    const mask = acc.detection.maskSecret ?? maskSecretDefault;
    const m = mask(s.type, s.value);
    if (!entry.samples.includes(m)) entry.samples.push(m);
  }
}

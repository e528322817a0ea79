/**
 * Detection + blind indexing of one batch of records, reduced to a small, clonable partial
 * aggregate. Runs in a worker thread (scan.worker.ts) or in-thread; the main thread merges the
 * partials (aggregate.ts). A record is a row or a line.
 */
import { type ColumnClass, ELEMENT_IDS, type ElementId, type SecretFinding, type ValueFinding } from '../types.js';
import { type DetectionPort, maskSecretDefault } from './detection.port.js';
import { digestValueOf, GrowU32, type Keyed, keyed, LinkQueue, namespaceOf } from './batch-digests.js';
import { recordHints } from './jurisdiction.js';
import { type SecretTally, tallySecret } from './secret-report.js';
import { eachBlockRow } from '../readers/csv-block.js';
import { eachNdjsonBlockRow } from '../readers/ndjson-block.js';
import { eachSqlBlockRow } from '../readers/sql-block.js';
import type { SheetStyle } from '../readers/xlsx-sheet.js';
import { eachXlsxBlockRow } from '../readers/xlsx-block-rows.js';
import { BATCH_LINES } from '../readers/reader-context.js';
import { textBlockLines } from '../readers/text-reader.js';
import { type PackedRows, unpackRows } from './pack.js';
import type { TextAnchors } from '../detectors/text-anchors.js';
import { LINK_TAGS, MATCH_ONLY_TAGS } from './link-keys.js';
import { eachLinkKeyBytes } from './link-key-bytes.js';
import { sameClasses } from './same-classes.js';

export { STRONG_IDS } from './link-keys.js';

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

export type BatchTask = (
  | { kind: 'records'; key: Buffer | Uint8Array; classes: ColumnClass[]; rows: (string | null)[][] }
  | { kind: 'lines'; key: Buffer | Uint8Array; lines: string[] }
  /** A reader's `text-block`: whole UTF-8 lines, decoded and split here (readers/text-reader.ts). */
  | { kind: 'text-block'; key: Buffer | Uint8Array; buf: Uint8Array }
  /**
   * A CSV block without quotes or with strict quoting (`quoted`), split here (readers/csv-block.ts): `width` = the header's columns;
   * with `keep`, only those columns reach the detectors (`classes` then describes them).
   */
  | { kind: 'csv-block'; key: Buffer | Uint8Array; classes: ColumnClass[]; delim: string; width: number; keep: number[] | null; buf: Uint8Array; quoted: boolean }
  /** Rows of a SQL dump not yet split (readers/sql-block.ts); `width`, `keep`, `classes` as for csv-block. */
  | { kind: 'sql-block'; key: Buffer | Uint8Array; classes: ColumnClass[]; mode: 'values' | 'copy'; backslash: boolean; width: number; keep: number[] | null; buf: Uint8Array }
  /** NDJSON lines of one learned shape not yet parsed (readers/ndjson-block.ts); `width`, `keep`, `classes` as for csv-block. */
  | { kind: 'ndjson-block'; key: Buffer | Uint8Array; classes: ColumnClass[]; source: string; width: number; keep: number[] | null; buf: Uint8Array }
  /** Whole rows of a worksheet not yet parsed (readers/xlsx-sheet.ts); `width`, `keep`, `classes` as for csv-block. */
  | { kind: 'xlsx-block'; key: Buffer | Uint8Array; classes: ColumnClass[]; width: number; keep: number[] | null; buf: Uint8Array; rows: number; sheet: SheetStyle }
  /** Records packed for a worker thread (pack.ts): `width` cells a row. */
  | { kind: 'packed-records'; key: Buffer | Uint8Array; classes: ColumnClass[]; width: number; packed: PackedRows }
) & {
  /**
   * The scan this batch belongs to (any string unique to it): a thread sends a repeated
   * non-identifying value once per scan (addRecord), so its memory of what it sent is per scan,
   * even when two scans share a key.
   */
  run?: string;
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
  secrets: SecretTally['secrets'];
  /** Low-entropy credential-shaped matches by family (issue 14 §2). */
  suspects?: SecretTally['suspects'];
  /**
   * Blind-index digests of the values of the records with personal data: (hi, lo, tag) triples —
   * every strong identifier; other values only the first time this thread digests them under
   * this key (see addRecord).
   */
  values: Uint32Array;
  /** Per record with personal data: [number of its triples in `values`, number of hints, named 0/1]. */
  meta: Int32Array;
  /** Jurisdiction hints of the records with personal data, in order: indices into `hintNames`. */
  hints: Uint16Array;
  /** This batch's distinct hints ('US-CA', 'DE'). */
  hintNames: string[];
  /**
   * Set by a shard that logged `values` per partition instead (shard-digests.ts): `values` is
   * empty and each record's first `meta` word says whether it holds a strong identifier (1/0).
   */
  digested?: true;
  /** With `trace`: per record, its sorted element ids joined by commas ('' for none). */
  trace?: string[];
  /** With `raw`: the unmasked value of each entry of `samples`, same order. */
  rawSamples?: Record<string, string[]>;
}

/** Findings per record whose element id is remembered by position (Acc.lastElement). */
const TAG_MEMO = 16;

interface Acc {
  out: BatchResult;
  keyed: Keyed;
  values: GrowU32;
  meta: GrowU32;
  /** Positions in `values` of strong identifiers whose digest is still queued in keyed.batch. */
  pending: GrowU32;
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

export function processBatch(task: BatchTask, detection: DetectionPort): BatchResult {
  const out: BatchResult = {
    records: 0, withPersonal: 0, elementRecords: {}, samples: {}, combos: {}, secrets: {},
    values: new Uint32Array(0), meta: new Int32Array(0), hints: new Uint16Array(0), hintNames: [],
  };
  if (task.trace) out.trace = [];
  if (task.raw) out.rawSamples = {};
  const k = keyed(task.key, task.run);
  const values = new GrowU32();
  const pending = new GrowU32();
  const acc: Acc = {
    out, keyed: k, values, meta: new GrowU32(), hints: new GrowU32(), hintIndex: new Map(), pending, detection,
    tagRecords: new Int32Array(256), samplesFull: new Uint8Array(256), lastElement: new Array<string>(TAG_MEMO).fill(''), lastTag: new Int32Array(TAG_MEMO),
    links: new LinkQueue(k, values, pending),
  };
  acc.keyed.batch.reset();
  try {
    detectBatch(task, detection, acc);
  } catch (err) {
    // The caller loses this batch: values first seen in it never reached it, so forget them all.
    acc.keyed.sent.clear();
    throw err;
  }
  for (let t = 0; t < ELEMENT_IDS.length; t++) if (acc.tagRecords[t]) out.elementRecords[ELEMENT_IDS[t]] = acc.tagRecords[t];
  const batch = acc.keyed.batch;
  batch.finish();
  const v = acc.values.a;
  for (let i = 0; i < acc.pending.n; i++) {
    const at = acc.pending.a[i];
    const idx = v[at];
    v[at] = batch.hi(idx);
    v[at + 1] = batch.lo(idx);
  }
  acc.values.n = dropSentValues(acc.values.a, acc.meta.a, acc.meta.n / 3, acc.keyed.sent);
  out.values = acc.values.a.slice(0, acc.values.n);
  out.meta = new Int32Array(acc.meta.a.buffer.slice(0, acc.meta.n * 4));
  out.hints = Uint16Array.from(acc.hints.a.subarray(0, acc.hints.n));
  return out;
}

/**
 * Names, birth dates, cities repeat. A value this thread already sent in this scan, of an element
 * that is not a strong identifier, carries no person-record: a second copy would only meet the
 * first in people.ts's table, where it adds nothing. So it is not sent again (a third of a dense
 * CSV's values, bench/README.md, 2026-11-27, fourth session). Decided here, once the batch's
 * digests are known, by each value's digest (value-cache.ts), in record order: the repeats are
 * removed from `values` and from their record's count in `meta`; returns the new length of `values`.
 * Given the arrays, not `acc`: inlined into processBatch's loop-entry (OSR) code, its property
 * loads on `acc` had no type feedback, and that code deoptimised there again on every later
 * batch (39 and 30 times in the two detection threads of one 40 MB mysqldump scan, `--trace-deopt`,
 * issue 21), each time finishing the batch in the interpreter.
 */
function dropSentValues(v: Uint32Array, meta: Uint32Array, records: number, sent: Acc['keyed']['sent']): number {
  let r = 0;
  let w = 0;
  for (let rec = 0; rec < records; rec++) {
    const count = meta[3 * rec];
    let kept = 0;
    for (let j = 0; j < count; j++, r += 3) {
      const tag = v[r + 2];
      if (SENT_ONCE[tag]) {
        if (sent.has(tag, v[r], v[r + 1])) continue;
        sent.add();
      }
      if (w !== r) {
        v[w] = v[r];
        v[w + 1] = v[r + 1];
        v[w + 2] = tag;
      }
      w += 3;
      kept++;
    }
    meta[3 * rec] = kept;
  }
  return w;
}

function detectBatch(task: BatchTask, detection: DetectionPort, acc: Acc): void {
  if (task.kind === 'records' || task.kind === 'packed-records' || task.kind === 'csv-block' || task.kind === 'sql-block' || task.kind === 'ndjson-block' || task.kind === 'xlsx-block') {
    // The same array for every batch of a table (same-classes.ts): its detection plan is built once.
    const classes = sameClasses(task.classes);
    const onRow = (row: (string | null)[]) => {
      const f = detection.detectRecord(classes, row);
      addRecord(acc, f.elements, f.secrets, f.elements.length ? recordHints(f, detection.zipToState) : []);
    };
    if (task.kind === 'csv-block') eachBlockRow(task.buf, task.delim, task.width, task.keep, task.quoted, onRow);
    else if (task.kind === 'sql-block') eachSqlBlockRow(task.buf, task.mode, task.backslash, task.width, task.keep, onRow);
    else if (task.kind === 'ndjson-block') eachNdjsonBlockRow(task.buf, task.source, task.width, task.keep, onRow);
    else if (task.kind === 'xlsx-block') eachXlsxBlockRow(task.buf, task.sheet, task.width, task.keep, task.rows, onRow);
    else for (const row of task.kind === 'records' ? task.rows : unpackRows(task.packed, task.width)) onRow(row);
  } else if (task.kind === 'lines') scanLines(task.lines, 0, task.lines.length, detection, acc);
  else {
    // The batches a reader's `lines` events would have made of this block, so that a PEM key is
    // joined with its body exactly when it would have been.
    const lines = textBlockLines(task.buf);
    const anchors = detection.textAnchors?.(task.buf, lines) ?? null;
    for (let from = 0; from < lines.length; from += BATCH_LINES) scanLines(lines, from, Math.min(lines.length, from + BATCH_LINES), detection, acc, anchors);
  }
}

/** Scan lines[from … to − 1], one record each, as one batch of a reader's `lines`. */
function scanLines(lines: string[], from: number, to: number, detection: DetectionPort, acc: Acc, anchors: TextAnchors | null = null): void {
  let pemUntil = -1;
  for (let i = from; i < to; i++) {
    // A PEM private key spans lines: its BEGIN line is scanned with the body that follows, so
    // the key material can be checked (issue 14 §2); the body lines are scanned alone for the
    // rest, not again for the key.
    let text = lines[i];
    const inBody = i <= pemUntil;
    if (!inBody && text.includes('-----BEGIN')) {
      const j = pemEndOf(lines, i, to);
      if (j > i) {
        text = lines.slice(i, j + 1).join('\n');
        pemUntil = j;
      }
    }
    // A joined PEM key is not the line the anchors were found on.
    const f = anchors !== null && text === lines[i] ? detection.scanText(text, anchors, i) : detection.scanText(text);
    const secrets = inBody ? f.secrets.filter((x) => x.type !== 'private_key') : f.secrets;
    addRecord(acc, f.elements, secrets, f.elements.length ? recordHints(f, detection.zipToState) : []);
  }
}

/** The index of the PEM END line closing a private-key BEGIN at line i (within 200 lines, before `to`), or -1. */
function pemEndOf(lines: string[], i: number, to: number): number {
  if (!/PRIVATE KEY/.test(lines[i]) || lines[i].includes('-----END')) return -1;
  const end = Math.min(to, i + 200);
  for (let j = i + 1; j < end; j++) if (lines[j].includes('-----END')) return j;
  return -1;
}

function addRecord(acc: Acc, elements: ValueFinding[], secrets: SecretFinding[], hints: string[]): void {
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
    // Every value is queued for the batch's one digest call (filled in by processBatch: (index,
    // 0) until then); repeats of non-identifying values are dropped there (dropSentValues).
    acc.pending.push(values.n);
    values.push3(k.batch.add(namespaceOf(e), digestValueOf(e)), 0, tag);
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

/**
 * Detection + blind indexing of one batch of records, reduced to a small, clonable partial
 * aggregate. Runs in a worker thread (scan.worker.ts) or in-thread; the main thread merges the
 * partials (aggregate.ts). A record is a row or a line.
 */
import { type ColumnClass, ELEMENT_IDS } from '../types.js';
import type { DetectionPort } from './detection.port.js';
import { GrowU32, keyed, LinkQueue } from './batch-digests.js';
import { type Acc, addRecord, dropSentValues, TAG_MEMO } from './batch-record.js';
import { recordHints } from './jurisdiction.js';
import type { SecretTally } from './secret-report.js';
import { eachBlockRow } from '../readers/csv-block.js';
import { eachNdjsonBlockRow } from '../readers/ndjson-block.js';
import { eachSqlBlockRow } from '../readers/sql-block.js';
import type { SheetStyle } from '../readers/xlsx-sheet.js';
import { eachXlsxBlockRow } from '../readers/xlsx-block-rows.js';
import { BATCH_LINES } from '../readers/reader-context.js';
import { textBlockLines } from '../readers/text-reader.js';
import { type PackedRows, unpackRows } from './pack.js';
import type { TextAnchors } from '../detectors/text-anchors.js';
import { sameClasses } from './same-classes.js';

export { STRONG_IDS } from './link-keys.js';
export { LAW_RELEVANT, SAMPLES_PER_ELEMENT, STRONG_TAGS, TAG_OF } from './batch-record.js';

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

/**
 * The values log, meta and hints of a batch, reused by the next batch of this thread (processBatch
 * is synchronous: one batch at a time): the result copies what it needs. Each batch grew three
 * new arrays from 16 KiB by doubling, ≈ 2 MB allocated and copied per customers-us batch (engine23).
 */
const VALUES = new GrowU32();
const META = new GrowU32();
const HINTS = new GrowU32();
/** Above this many words a scratch array is replaced at the next batch (a rare huge batch does not pin its memory). */
const SCRATCH_KEEP = 1 << 22;
function scratch(g: GrowU32): GrowU32 {
  if (g.a.length > SCRATCH_KEEP) g.a = new Uint32Array(4096);
  g.n = 0;
  return g;
}

export function processBatch(task: BatchTask, detection: DetectionPort): BatchResult {
  const out: BatchResult = {
    records: 0, withPersonal: 0, elementRecords: {}, samples: {}, combos: {}, secrets: {},
    values: new Uint32Array(0), meta: new Int32Array(0), hints: new Uint16Array(0), hintNames: [],
  };
  if (task.trace) out.trace = [];
  if (task.raw) out.rawSamples = {};
  const k = keyed(task.key, task.run);
  const values = scratch(VALUES);
  const acc: Acc = {
    out, keyed: k, values, meta: scratch(META), hints: scratch(HINTS), hintIndex: new Map(), keyOfTag: new Int32Array(256).fill(-1), detection,
    tagRecords: new Int32Array(256), samplesFull: new Uint8Array(256), lastElement: new Array<string>(TAG_MEMO).fill(''), lastTag: new Int32Array(TAG_MEMO),
    links: new LinkQueue(k, values),
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
  // Triple i of `values` is the queue's value i (batch-record.ts dropSentValues).
  if (3 * batch.count !== acc.values.n) throw new Error('processBatch: the digest queue and the values log disagree');
  acc.values.n = dropSentValues(acc.values.a, batch.results, acc.meta.a, acc.meta.n / 3, acc.keyed.sent);
  out.values = acc.values.a.slice(0, acc.values.n);
  out.meta = new Int32Array(acc.meta.a.buffer.slice(0, acc.meta.n * 4));
  out.hints = Uint16Array.from(acc.hints.a.subarray(0, acc.hints.n));
  return out;
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

/**
 * Matching leaked individuals to the organisation's own customers (CSV/XLSX read with the same
 * readers). Pass 1, before people are finalised: every customer row's strong identifiers are
 * blind-indexed with the scan's key and added to the people index, which links them to leaked
 * records while it groups digests. Pass 2: the matched rows are read back (the contacts for
 * notices) — only they are kept in memory.
 */
import type { ColumnClass, ReadOptions, ReaderEvent } from '../types.js';
import { digestValueOf, hasherFor, namespaceOf } from './batch-digests.js';
import { CUSTOMER_MATCH_IDS } from './link-keys.js';
import { CLASSIFY_SAMPLE_ROWS } from './constants.js';
import type { DetectionPort } from './detection.port.js';
import type { PeopleIndex } from './people.js';

export interface MatchedCustomer {
  /** Where the row is in the customers file, e.g. "line 12" or "row 3". */
  location: string;
  columns: string[];
  row: (string | null)[];
}

export type ReadFn = (path: string, opts: ReadOptions) => AsyncIterable<ReaderEvent>;

async function* customerRows(path: string, read: ReadFn, opts: ReadOptions, errors?: { message: string; location: string }[]) {
  let index = 0;
  for await (const ev of read(path, opts)) {
    if (ev.kind === 'error') errors?.push({ message: ev.message, location: ev.location });
    if (ev.kind !== 'records') continue;
    yield { ev, first: index };
    index += ev.rows.length;
  }
}

/** Pass 1: adds each customer row's strong identifiers; returns the number of customer rows. */
export async function addCustomers(
  path: string,
  people: PeopleIndex,
  key: Buffer,
  detection: DetectionPort,
  read: ReadFn,
  opts: ReadOptions = {},
): Promise<{ customers: number; errors: { message: string; location: string }[] }> {
  const hasher = hasherFor(key);
  const classes = new Map<string, ColumnClass[]>();
  const errors: { message: string; location: string }[] = [];
  let customers = 0;
  for await (const { ev, first } of customerRows(path, read, opts, errors)) {
    const ck = `${ev.path}\0${ev.table}\0${ev.columns.join('\0')}`;
    let cls = classes.get(ck);
    if (!cls) {
      cls = detection.classifyColumns(ev.table, ev.columns, ev.rows.slice(0, CLASSIFY_SAMPLE_ROWS));
      classes.set(ck, cls);
    }
    for (let i = 0; i < ev.rows.length; i++) {
      for (const f of detection.detectRecord(cls, ev.rows[i]).elements) {
        if (!CUSTOMER_MATCH_IDS.has(f.element)) continue;
        hasher.digest(namespaceOf(f), digestValueOf(f));
        people.addCustomerValue(hasher.hi, hasher.lo, first + i);
      }
    }
    customers += ev.rows.length;
  }
  return { customers, errors };
}

/** Pass 2: the rows (0-based, sorted) that matched, with their location in the file. */
export async function readCustomerRows(path: string, rows: number[], read: ReadFn, opts: ReadOptions = {}): Promise<MatchedCustomer[]> {
  const out: MatchedCustomer[] = [];
  let k = 0;
  for await (const { ev, first } of customerRows(path, read, opts)) {
    while (k < rows.length && rows[k] < first + ev.rows.length) {
      const i = rows[k++] - first;
      const { unit, n } = ev.firstLocation;
      out.push({ location: `${unit} ${n + i}`, columns: ev.columns, row: ev.rows[i] });
    }
    if (k >= rows.length) break;
  }
  return out;
}

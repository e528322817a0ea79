/**
 * Matching leaked individuals to the organisation's own customers (CSV/XLSX read with the same
 * readers). Pass 1, before people are finalised: every customer row's strong identifiers are
 * blind-indexed with the scan's key and added to the people index, which links them to leaked
 * records while it groups digests. Pass 2: the matched rows are read back (the contacts for
 * notices) — only they are kept in memory.
 */
import type { ColumnClass, ReadOptions, ReaderEvent } from '../types.js';
import { digestValueOf, hasherFor, namespaceOf } from './batch-digests.js';
import { CUSTOMER_MATCH_IDS, eachLinkKey } from './link-keys.js';
import { CLASSIFY_SAMPLE_ROWS } from './constants.js';
import type { DetectionPort } from './detection.port.js';
import { CUSTOMER_BY_PHONE, type PeopleIndex } from './people.js';

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
      const row = first + i;
      const elements = detection.detectRecord(cls, ev.rows[i]).elements;
      for (const f of elements) {
        if (!CUSTOMER_MATCH_IDS.has(f.element)) continue;
        hasher.digest(namespaceOf(f), digestValueOf(f));
        people.addCustomerValue(hasher.hi, hasher.lo, f.element === 'phone' ? row + CUSTOMER_BY_PHONE : row);
      }
      // The row's name + phone / birth date / address keys, as a leaked record holding both logs
      // them. A phone alone finds only the first leaked record with it: a customer sharing a
      // household phone with another leaked person was matched to that person, not to the leaked
      // record with the customer's own name (people.ts CUSTOMER_BY_PHONE).
      eachLinkKey(elements, true, {
        key(namespace, head, value) {
          hasher.digest(namespace, head === null ? value : `${head}\u0000${value}`);
          people.addCustomerValue(hasher.hi, hasher.lo, row);
        },
      });
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

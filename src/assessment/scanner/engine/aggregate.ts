/**
 * The main thread's aggregate: merges per-batch partials, tracks files and column
 * classifications, and builds the ExposureReport v1 body. Distinct values and people go through
 * the bounded-memory people index (people.ts).
 */
import type { ExposureReport, FileReport } from '../../scan.schema.js';
import type { ColumnClass, FileFormat } from '../types.js';
import { ELEMENT_IDS } from '../types.js';
import { type BatchResult, SAMPLES_PER_ELEMENT, STRONG_TAGS } from './batch.js';
import { INDIVIDUALS_METHOD, type PeopleOptions, PeopleIndex, type PeopleResult } from './people.js';
import type { ScanSink } from './scan-read.js';
import type { TempDir } from './spill-log.js';
import type { SpillStore } from './spill-store.js';
import { buildSecretReport, mergeSecretTally, type SecretTally } from './secret-report.js';

/** Distinct combinations tracked; beyond it new ones are folded into the count of `other`. */
export const MAX_COMBINATIONS = 10_000;
/** Combinations reported, most frequent first. */
export const REPORTED_COMBINATIONS = 200;

export type AggregateOptions = PeopleOptions;

/** The scan's sink (scan-read.ts): batches merged here, in the order they were read. */
export class Aggregate implements ScanSink {
  records = 0;
  withPersonal = 0;
  readonly elementRecords = new Map<string, number>();
  readonly samples = new Map<string, string[]>();
  /** Unmasked values behind `samples` (same order), only when the scan asked for them. */
  readonly rawSamples = new Map<string, string[]>();
  readonly combos = new Map<string, number>();
  combosDropped = 0;
  readonly secretTally: SecretTally = { secrets: {} };
  readonly files = new Map<string, FileReport>();
  readonly columns: ExposureReport['columns'] = [];
  readonly people: PeopleIndex;
  /** Batches whose values a shard kept apart were merged (BatchResult.digested): the people need their groups. */
  digested = false;

  constructor(temp: TempDir, spill: SpillStore, opts: AggregateOptions = {}) {
    this.people = new PeopleIndex(temp, spill, opts);
  }

  fileStart(path: string, format: FileFormat, bytes: number | null): void {
    const f = this.file(path);
    f.format = format;
    f.bytes = bytes;
  }

  file(path: string): FileReport {
    let f = this.files.get(path);
    if (!f) {
      f = { path, format: 'binary', bytes: null, records: 0, errors: [] };
      this.files.set(path, f);
    }
    return f;
  }

  countRecords(path: string, n: number): number {
    const f = this.file(path);
    const before = f.records;
    f.records += n;
    return before;
  }

  addError(path: string, e: { message: string; location: string }): void {
    this.file(path).errors.push(e);
  }

  addColumns(file: string, table: string, classes: ColumnClass[]): void {
    for (const c of classes) {
      // A JSON column's keys are listed as the columns they are (`payload.email`).
      if (c.json) this.addColumns(file, table, c.json.classes);
      if (c.element) {
        this.columns.push({ file, table, column: c.column, element: c.element, confidence: c.confidence, ...(c.invalidShare ? { invalidShare: c.invalidShare } : {}) });
      }
    }
  }

  merge(r: BatchResult): void {
    this.records += r.records;
    this.withPersonal += r.withPersonal;
    for (const [el, n] of Object.entries(r.elementRecords)) {
      this.elementRecords.set(el, (this.elementRecords.get(el) ?? 0) + n);
    }
    mergeSamples(this.samples, this.rawSamples, r.samples, r.rawSamples);
    for (const [combo, n] of Object.entries(r.combos)) {
      const cur = this.combos.get(combo);
      if (cur !== undefined) this.combos.set(combo, cur + n);
      else if (this.combos.size < MAX_COMBINATIONS) this.combos.set(combo, n);
      else this.combosDropped += n;
    }
    mergeSecretTally(this.secretTally, r);
    if (r.digested) this.digested = true;
    addBatchPeople(this.people, r);
  }

  /** Everything but `matching` and `performance`, which the caller knows. */
  build(people: PeopleResult): Omit<ExposureReport, 'matching' | 'performance'> {
    // Tags past the vocabulary are link keys (link-keys.ts), not elements.
    const distinct = new Map([...people.distinct].filter(([tag]) => tag < ELEMENT_IDS.length).map(([tag, n]) => [ELEMENT_IDS[tag] as string, n]));
    const elements: ExposureReport['elements'] = {};
    for (const el of [...this.elementRecords.keys()].sort()) {
      elements[el] = {
        records: this.elementRecords.get(el)!,
        distinctValues: distinct.get(el) ?? 0,
        samples: this.samples.get(el) ?? [],
      };
    }
    const combinations = [...this.combos]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, REPORTED_COMBINATIONS)
      .map(([combo, records]) => ({ elements: combo.split(','), records }));
    const { secrets, secretFamilies, suspectSecrets } = buildSecretReport(this.secretTally);
    return {
      version: 1,
      files: [...this.files.values()],
      totals: {
        records: this.records,
        recordsWithPersonalData: this.withPersonal,
        individuals: people.individuals,
        individualsMethod: INDIVIDUALS_METHOD,
      },
      elements,
      combinations,
      jurisdictions: people.jurisdictions,
      secrets,
      secretFamilies,
      suspectSecrets,
      columns: this.columns,
    };
  }
}

function mergeSamples(
  into: Map<string, string[]>,
  rawInto: Map<string, string[]>,
  from: Record<string, string[]>,
  rawFrom: Record<string, string[]> | undefined,
): void {
  for (const [el, list] of Object.entries(from)) {
    let cur = into.get(el);
    if (!cur) {
      cur = [];
      into.set(el, cur);
    }
    let raw = rawInto.get(el);
    if (rawFrom && !raw) {
      raw = [];
      rawInto.set(el, raw);
    }
    const samples = cur;
    list.forEach((m, i) => {
      if (samples.length >= SAMPLES_PER_ELEMENT || samples.includes(m)) return;
      samples.push(m);
      if (raw && rawFrom) raw.push(rawFrom[el]?.[i] ?? '');
    });
  }
}

/**
 * A batch's records into the people index, in order: the aggregate's part of `merge`, and all a
 * people job of the distributed merge replays (PeopleSink), so both number the records alike.
 */
export function addBatchPeople(people: PeopleIndex, r: BatchResult): void {
  let v = 0;
  let h = 0;
  const meta = r.meta;
  // The batch's own hint numbering → the people index's.
  const codes = r.hintNames.map((name) => people.hintCode(name));
  const hints = new Uint16Array(r.hints.length);
  for (let k = 0; k < hints.length; k++) hints[k] = codes[r.hints[k]];
  if (r.digested) {
    // The values are in the shard's digest blocks: only which records hold a strong identifier is here.
    for (let i = 0; i < meta.length; i += 3) {
      people.addPresence(meta[i] === 1, hints, h, meta[i + 1], meta[i + 2] === 1);
      h += meta[i + 1];
    }
    return;
  }
  for (let i = 0; i < meta.length; i += 3) {
    const n = meta[i];
    const nh = meta[i + 1];
    people.addRecord(r.values, v, n, STRONG_TAGS, hints, h, nh, meta[i + 2] === 1);
    v += n * 3;
    h += nh;
  }
}

/** A sink that keeps only the people index (a people job's replay): everything else is the report job's. */
export class PeopleSink implements ScanSink {
  readonly #records = new Map<string, number>();
  constructor(readonly people: PeopleIndex) {}
  fileStart(): void {}
  countRecords(path: string, n: number): number {
    const before = this.#records.get(path) ?? 0;
    this.#records.set(path, before + n);
    return before;
  }
  addColumns(): void {}
  addError(): void {}
  merge(r: BatchResult): void {
    // Its values are in digest blocks (shard-digests.ts): grouping without them would count no one.
    if (r.digested) throw new Error('a shard kept its digests apart: group its digest blocks (groupEvidenceDigests), not its log');
    addBatchPeople(this.people, r);
  }
}

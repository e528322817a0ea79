/**
 * Canary records in a leak (issue 15 §4): synthetic people planted in one dataset each, so a leak
 * that holds them names the dataset it came from (shared/reference/detection-containment.md §5).
 * The scan is handed the canary set as known people (it never imports the canary feature: the
 * server passes it through a port wired in src/main/modules.ts, the CLI reads an exported file).
 *
 * Each canary is looked for by the keys that single it out: its e-mail address and its card number
 * (strong identifiers, unique per canary by construction) and its name together with its phone
 * number (the composite link key of link-keys.ts). A phone alone is not enough: canaries of
 * different datasets may share one (Breachdesk's come from a 1,000-number range), and a name alone
 * is anybody's. Breachdesk's own canary phones are in Ofcom's drama range (+44 7700 900xxx), which
 * the phone validator (libphonenumber's metadata) holds unassigned, so no scan reads them as phones:
 * those canaries are found by e-mail and card; a set planted with numbers the organisation owns is
 * found by name + phone too. The keys are blind-indexed with the scan's key and added to the
 * people index like customer identifiers (customers.ts), which finds them while it groups the
 * leak's digests: no raw value is compared or kept.
 */
import type { ExposureReport } from '../../scan.schema.js';
import { maskValue } from '../detectors/mask.js';
import type { ColumnClass, ElementId, ReadOptions } from '../types.js';
import { digestValueOf, hasherFor, namespaceOf } from './batch-digests.js';
import type { ReadFn } from './customers.js';
import type { DetectionPort } from './detection.port.js';
import { eachLinkKey } from './link-keys.js';
import type { PeopleIndex } from './people.js';

/** One canary person as planted (values as they were written into the dataset). */
export interface CanaryRecord {
  id: string;
  dataset: string;
  plantedWhere?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  card?: string | null;
}

export type CanaryReport = NonNullable<ExposureReport['canaries']>;

/** What matched a canary (the low bits of its known-row number). */
const MATCH_KINDS = ['email', 'payment_card', 'name_phone'] as const;
const KINDS = 4;
const COLUMNS = ['name', 'email', 'phone', 'card_number'];
const ELEMENTS: ElementId[] = ['person_name', 'email', 'phone', 'payment_card'];

/** Adds every canary's keys to the people index (known rows: canary index × 4 + key kind). */
export function addCanaries(canaries: readonly CanaryRecord[], people: PeopleIndex, key: Buffer, detection: DetectionPort): void {
  if (canaries.length === 0) return;
  const hasher = hasherFor(key);
  const rows = canaries.map((c) => [c.name ?? null, c.email ?? null, c.phone ?? null, c.card ?? null]);
  // The columns' meaning is known: each value is only validated and normalised by the detectors,
  // as the same value in a leak is (a set of one canary is too small to classify by sampling).
  const classes: ColumnClass[] = COLUMNS.map((column, i) => ({ column, element: ELEMENTS[i]!, confidence: 1 }));
  for (let i = 0; i < rows.length; i++) {
    const elements = detection.detectRecord(classes, rows[i]!).elements;
    for (const f of elements) {
      if (f.element !== 'email' && f.element !== 'payment_card') continue;
      hasher.digest(namespaceOf(f), digestValueOf(f));
      people.addKnownValue(hasher.hi, hasher.lo, i * KINDS + MATCH_KINDS.indexOf(f.element));
    }
    // The record's name + phone key, as a leaked record holding both logs it (with or without a
    // strong identifier: the digest is the same, only the logged tag differs).
    eachLinkKey(elements, true, {
      key(namespace, head, value) {
        if (namespace !== 'link:name+phone') return;
        // The key's bytes as the scan digests them (KeyedSip64Batch.addJoined): head, NUL, value.
        hasher.digest(namespace, head === null ? value : `${head}\u0000${value}`);
        people.addKnownValue(hasher.hi, hasher.lo, i * KINDS + 2);
      },
    });
  }
}

/** The report's `canaries` section from the known rows the people index matched. */
export function canaryReport(canaries: readonly CanaryRecord[], matchedKnownRows: readonly number[]): CanaryReport {
  const found = new Map<number, Set<string>>();
  for (const row of matchedKnownRows) {
    const i = Math.floor(row / KINDS);
    const kind = MATCH_KINDS[row % KINDS];
    if (i >= canaries.length || !kind) continue;
    const s = found.get(i) ?? new Set<string>();
    s.add(kind);
    found.set(i, s);
  }
  const planted = new Map<string, { plantedWhere: Set<string>; planted: number }>();
  for (const c of canaries) {
    const d = planted.get(c.dataset) ?? { plantedWhere: new Set<string>(), planted: 0 };
    d.planted++;
    if (c.plantedWhere) d.plantedWhere.add(c.plantedWhere);
    planted.set(c.dataset, d);
  }
  const by = new Map<string, { found: number; matchedOn: Record<string, number>; samples: string[] }>();
  for (const [i, kinds] of [...found].sort(([a], [b]) => a - b)) {
    const c = canaries[i]!;
    const d = by.get(c.dataset) ?? { found: 0, matchedOn: {}, samples: [] };
    d.found++;
    for (const k of kinds) d.matchedOn[k] = (d.matchedOn[k] ?? 0) + 1;
    // Masked as every finding is (DESIGN.md §4): the e-mail's first letter and domain, else the card's last four.
    if (d.samples.length < 5) d.samples.push(c.email ? maskValue('email', c.email) : c.card ? maskValue('payment_card', c.card) : maskValue('person_name', c.name ?? ''));
    by.set(c.dataset, d);
  }
  const datasets = [...by].map(([dataset, d]) => {
    const p = planted.get(dataset)!;
    return {
      dataset,
      plantedWhere: [...p.plantedWhere].sort(),
      canariesFound: d.found,
      canariesPlanted: p.planted,
      // Attribution by overlap: the share of the dataset's canaries the leak holds (1 = all of them).
      score: Math.round((d.found / p.planted) * 1000) / 1000,
      matchedOn: d.matchedOn,
      samples: d.samples,
    };
  });
  datasets.sort((a, b) => b.score - a.score || b.canariesFound - a.canariesFound || a.dataset.localeCompare(b.dataset));
  return { known: canaries.length, found: found.size, datasets };
}

const HEADER_OF: Record<string, keyof CanaryRecord> = {
  id: 'id',
  canary_id: 'id',
  dataset: 'dataset',
  planted_where: 'plantedWhere',
  plantedwhere: 'plantedWhere',
  name: 'name',
  email: 'email',
  phone: 'phone',
  card: 'card',
  card_number: 'card',
};

/**
 * An exported canary set (`breachdesk canaries export`, GET /api/v1/canaries/export: CSV with the
 * header canary_id,dataset,planted_where,name,email,phone,card_number), read with the scanner's
 * own readers. Rows without a dataset are named in `problems` and skipped.
 */
export async function readCanaryFile(path: string, read: ReadFn, opts: ReadOptions = {}): Promise<{ canaries: CanaryRecord[]; problems: string[] }> {
  const canaries: CanaryRecord[] = [];
  const problems: string[] = [];
  for await (const ev of read(path, opts)) {
    if (ev.kind === 'error') problems.push(`${path} (${ev.location}): ${ev.message}`);
    if (ev.kind !== 'records') continue;
    const fields = ev.columns.map((c) => HEADER_OF[c.trim().toLowerCase()]);
    if (!fields.includes('dataset')) {
      problems.push(`${path}: no "dataset" column (an exported canary set has canary_id,dataset,planted_where,name,email,phone,card_number)`);
      return { canaries, problems };
    }
    ev.rows.forEach((row, j) => {
      const c: Partial<CanaryRecord> = {};
      fields.forEach((f, k) => {
        const v = row[k]?.trim();
        if (f && v) (c as Record<string, string>)[f] = v;
      });
      if (!c.dataset) problems.push(`${path} (${ev.firstLocation.unit} ${ev.firstLocation.n + j}): no dataset`);
      else canaries.push({ ...c, id: c.id ?? `${ev.firstLocation.unit} ${ev.firstLocation.n + j}`, dataset: c.dataset });
    });
  }
  return { canaries, problems };
}

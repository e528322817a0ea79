/**
 * Per-record detection for structured rows, after `classifyColumns`: each classified column runs
 * only its own validator (scanning.md §7.1.3); header-only elements count when the cell is not a
 * placeholder; free-text columns go through `scanText`; geo columns give normalised hints.
 */
import { detectorFor, isPlaceholder, type ScanTextOptions, scanText } from '../detectors/index.js';
import { parseBirthDate } from '../detectors/context-only.js';
import { validateNationalId } from '../detectors/national-ids.js';
import { NANP_COLUMN, validateNanpColumnPhone } from '../detectors/phone-nanp.js';
import { matchSecretValue, scanSecrets } from '../detectors/secret-scan.js';
import { scanEmails } from '../detectors/text-email.js';
import type { ColumnClass, RecordFindings, SecretFinding, ValueFinding } from '../types.js';
import { columnIsRead } from './column-read.js';
import { normaliseCountry, normaliseRegion } from './geo.js';
import { jsonRow, parseObjectCell } from './json-cells.js';

function secretValue(cls: ColumnClass, v: string): SecretFinding | null {
  // A `token`/`secret` column may hold any vendor's credential: report it under its own family.
  if (cls.secret === 'generic_secret') {
    const f = matchSecretValue(v);
    if (f) return f;
  }
  return detectorFor(cls.secret!).validate(v) as SecretFinding | null;
}

function elementValue(cls: ColumnClass, v: string): ValueFinding | null {
  const el = cls.element!;
  if (el === 'national_id') return validateNationalId(v, cls.kind === 'unverifiable' ? undefined : cls.kind);
  if (el === 'date_of_birth' && (cls.kind === 'dmy' || cls.kind === 'mdy')) {
    const d = parseBirthDate(v, undefined, cls.kind);
    return d === null ? null : { element: el, value: d };
  }
  if (cls.kind === 'unverifiable') return { element: el, value: v.trim(), kind: 'unverifiable' };
  const f = detectorFor(el).validate(v) as ValueFinding | null;
  if (f && cls.kind && !f.kind) f.kind = cls.kind;
  return f;
}

/** Per-row scratch: a region to normalise with the country, and the parts of a split name or address. */
interface Scratch {
  region?: string;
  name?: string[];
  address?: string[];
}
type CellHandler = (v: string, out: RecordFindings, geo: Scratch) => void;

interface Plan {
  handlers: CellHandler[];
  /** Column indexes that have a handler (others are skipped without looking at the cell). */
  read: number[];
  /** Whether some column is a region or a part of a split name/address: only then does a row need its own scratch object. */
  region: boolean;
  /** The name is split over several columns (first/last name): its parts make one value. */
  splitName: boolean;
  /** The address is split (street, line 2) or has a postal code column: its parts make one value. */
  splitAddress: boolean;
}

/** Per-column handlers, built once per `classes` array (the engine reuses it for a whole table). */
const plans = new WeakMap<ColumnClass[], Plan>();
/** Columns the sample gave no class: the free-text detectors without the name and address heuristics (ColumnClass.residual). */
const RESIDUAL_TEXT = { people: false } as const;

/** A cell read as free text (notes columns; unclassified columns without the people heuristics): every finding of scanText. */
function textStep(opts: ScanTextOptions | undefined, minLength: number): CellHandler {
  return (v, out) => {
    if (v.length < minLength) return;
    const r = scanText(v, opts);
    for (const f of r.elements) out.elements.push(f);
    for (const f of r.secrets) out.secrets.push(f);
  };
}

/**
 * A JSON cell (json-cells.ts): its keys read as a row of their own classes; their geo hints are
 * the record's (a `payload.state` places the person); keys the sample did not have, and a cell
 * that is no JSON object, read as residual text.
 */
function jsonStep(json: NonNullable<ColumnClass['json']>): CellHandler {
  const index = new Map(json.keys.map((k, j) => [k, j]));
  const asText = textStep(RESIDUAL_TEXT, 5);
  return (v, out, g) => {
    const o = parseObjectCell(v);
    if (!o) return asText(v, out, g);
    const { row, rest } = jsonRow(json.keys, index, o);
    const sub = detectRecord(json.classes, row);
    for (const f of sub.elements) out.elements.push(f);
    for (const f of sub.secrets) out.secrets.push(f);
    const geo = sub.geo;
    if (geo.country !== undefined) out.geo.country ??= geo.country;
    if (geo.region !== undefined) out.geo.region ??= geo.region;
    if (geo.postalCode !== undefined && out.geo.postalCode === undefined) {
      out.geo.postalCode = geo.postalCode;
      if (geo.postalCountry !== undefined) out.geo.postalCountry = geo.postalCountry;
    }
    if (rest) asText(rest, out, g);
  };
}

/** Scratch passed when no column writes a region (never written to). */
const NO_REGION: Scratch = Object.freeze({});

/**
 * `split`: the element's value is one of several parts of the row's name or address. A first and
 * a last name are one person's name, not two names: counted apart, `distinctValues` of names was
 * the number of distinct given names and surnames (issue 20 §7), and no name could link records.
 */
function handlerFor(cls: ColumnClass, split: boolean): CellHandler {
  const steps: CellHandler[] = [];
  if (cls.element) {
    const el = cls.element;
    if (split) {
      const validate = detectorFor(el).validate;
      steps.push((v, _out, g) => {
        const f = validate(v) as ValueFinding | null;
        if (!f) return;
        if (el === 'person_name') {
          g.name ??= [];
          g.name.push(f.value);
        } else {
          g.address ??= [];
          g.address.push(f.value);
        }
      });
    } else if (el === 'national_id' || cls.kind === 'unverifiable' || (el === 'date_of_birth' && cls.kind !== undefined)) {
      steps.push((v, out) => {
        const f = elementValue(cls, v);
        if (f) out.elements.push(f);
      });
    } else if (el === 'phone' && cls.kind === NANP_COLUMN) {
      // A column of NANP-written numbers (detectors/phone-nanp.ts); the kind is the column's, not the value's.
      steps.push((v, out) => {
        const f = validateNanpColumnPhone(v);
        if (f) out.elements.push(f);
      });
    } else if (el === 'email') {
      const validate = detectorFor(el).validate;
      steps.push((v, out) => {
        const f = validate(v) as ValueFinding | null;
        if (f) out.elements.push(f);
        // `Jane Roe <jane@example.org>`, `a@x.org; b@y.org`: the cell holds addresses, not one.
        else if (v.includes('@')) scanEmails(v, out.elements);
      });
    } else {
      const validate = detectorFor(el).validate;
      const kind = cls.kind;
      steps.push((v, out) => {
        const f = validate(v) as ValueFinding | null;
        if (!f) return;
        if (kind && !f.kind) f.kind = kind;
        out.elements.push(f);
      });
    }
  } else if (cls.secret) {
    steps.push((v, out) => {
      const f = secretValue(cls, v);
      if (!f) return;
      out.secrets.push(f);
      // A cell holding more than the credential (a JSON config with a key id and its secret key,
      // a connection blob): its other credentials count too. Before, a column sampled as
      // `aws_access_key_id` read only the key id of `{"AccessKeyId":…,"SecretAccessKey":…}`.
      if (v.length - f.value.length > 8) for (const o of scanSecrets(v)) if (o.value !== f.value) out.secrets.push(o);
    });
  }
  if (cls.json) steps.push(jsonStep(cls.json));
  if (cls.freeText) steps.push(textStep(undefined, 0));
  // Five characters is the shortest value that can hold anything here (a@b.c).
  if (cls.residual === 'text') steps.push(textStep(RESIDUAL_TEXT, 5));
  else if (cls.residual === 'strong') {
    steps.push((v, out) => {
      if (v.length < 5) return;
      // `%40`: an address percent-encoded in a URL or query string (`/cb?email=jane%40example.com`).
      if (v.includes('@') || v.includes('%40')) scanEmails(v, out.elements);
      if (v.length >= 16) for (const f of scanSecrets(v)) out.secrets.push(f);
    });
  }
  if (cls.geo === 'country') steps.push((v, out) => (out.geo.country ??= normaliseCountry(v)));
  else if (cls.geo === 'region') steps.push((v, _out, g) => (g.region ??= v));
  else if (cls.geo === 'postal_code') {
    const country = cls.kind;
    steps.push(
      country
        ? (v, out) => {
            if (out.geo.postalCode !== undefined) return;
            out.geo.postalCode = v.trim();
            out.geo.postalCountry = country;
          }
        : (v, out) => (out.geo.postalCode ??= v.trim()),
    );
  }
  if (cls.geo === 'postal_code' && split) {
    steps.push((v, _out, g) => {
      g.address ??= [];
      g.address.push(v.trim());
    });
  }
  if (steps.length === 1) return steps[0];
  return (v, out, g) => {
    for (const s of steps) s(v, out, g);
  };
}

/** The last table's plan: the engine calls row after row with the same `classes`. */
let lastClasses: ColumnClass[] | null = null;
let lastPlan: Plan | null = null;

function planFor(classes: ColumnClass[]): Plan {
  if (classes === lastClasses) return lastPlan!;
  let plan = plans.get(classes);
  if (!plan) {
    const handlers: CellHandler[] = [];
    const read: number[] = [];
    const plain = (c: ColumnClass) => c.kind !== 'unverifiable';
    const names = classes.filter((c) => c.element === 'person_name' && plain(c)).length;
    const streets = classes.filter((c) => c.element === 'postal_address' && plain(c)).length;
    const postcodes = classes.filter((c) => c.geo === 'postal_code').length;
    const splitName = names >= 2;
    const splitAddress = streets >= 2 || (streets === 1 && postcodes === 1);
    classes.forEach((c, j) => {
      if (!columnIsRead(c)) return;
      const split = plain(c) && ((splitName && c.element === 'person_name') || (splitAddress && (c.element === 'postal_address' || c.geo === 'postal_code')));
      handlers.push(handlerFor(c, split));
      read.push(j);
    });
    const region = classes.some((c) => columnIsRead(c) && c.geo === 'region');
    plan = { handlers, read, region: region || splitName || splitAddress, splitName, splitAddress };
    plans.set(classes, plan);
  }
  lastClasses = classes;
  lastPlan = plan;
  return plan;
}

/**
 * A Google service-account key file read as a record (JSON: type, private_key, client_email…) is
 * one credential, the key, named by its client_email (issue 14 §1) — not a bare private key.
 */
function serviceAccountKey(classes: ColumnClass[], row: (string | null)[], secrets: SecretFinding[]): void {
  const k = secrets.findIndex((f) => f.type === 'private_key');
  if (k === -1) return;
  const col = (name: string) => {
    const j = classes.findIndex((c) => c.column === name || c.column.endsWith(`.${name}`));
    return j === -1 ? undefined : row[j];
  };
  const email = col('client_email');
  if (col('type') !== 'service_account' || !email) return;
  secrets[k] = { ...secrets[k], type: 'cloud_credential', family: 'cloud_credential', provider: 'gcp', kind: 'service_account_key', identity: email };
}

export function detectRecord(classes: ColumnClass[], row: (string | null)[]): RecordFindings {
  const { handlers, read, region, splitName, splitAddress } = planFor(classes);
  const out: RecordFindings = { elements: [], secrets: [], geo: {} };
  // Every field present from the start: one object shape whatever columns a row fills, in whatever order.
  const g: Scratch = region ? { region: undefined, name: undefined, address: undefined } : NO_REGION;
  const n = row.length;
  for (let k = 0; k < read.length; k++) {
    const j = read[k];
    if (j >= n) break;
    const v = row[j];
    if (v == null || isPlaceholder(v)) continue;
    handlers[k](v, out, g);
  }
  if (splitName && g.name !== undefined) out.elements.push({ element: 'person_name', value: g.name.join(' ') });
  // A postal code alone is a geographic hint, not an address.
  if (splitAddress && g.address !== undefined && (g.address.length > 1 || out.geo.postalCode === undefined)) {
    out.elements.push({ element: 'postal_address', value: g.address.join(', ') });
  }
  if (out.secrets.length) serviceAccountKey(classes, row, out.secrets);
  if (g.region !== undefined) {
    const r = normaliseRegion(g.region, out.geo.country);
    if (r) out.geo.region = r;
  }
  // `delete` is a runtime call even for an absent key: only when a country column set it to undefined.
  if (out.geo.country === undefined && 'country' in out.geo) delete out.geo.country;
  return out;
}

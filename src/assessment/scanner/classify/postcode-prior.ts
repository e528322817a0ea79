/**
 * Whose postcodes are in a bare postcode column? A `zip`/`postcode` column of five digits with no
 * country and no state column reads as US ZIPs record by record (jurisdiction.ts), unless the
 * record itself points abroad. A French customers export with English headers (`zip`, `city`,
 * `phone`) then put Paris 75001 in Texas (ZIP3 750 → TX) and Lyon 69002 in Nebraska: a wrong legal
 * answer (a Texas AG notice, no CNIL one), not a missing one. Most records there carry no value with
 * a country of its own (e-mails at gmail.com; `06 12 34 56 78` is valid in several European plans,
 * so the phone detector claims no country for it), so the per-record test cannot see it.
 *
 * The table's sample can: each sampled row votes US when a value of it is US-only (a phone valid in
 * the US plan, an SSN), abroad when a value excludes the US (a phone that is not a valid US number,
 * unless a NANP column's with an unassigned area code — detectors/phone-nanp.ts —, which says
 * nothing; an IBAN or a non-US national ID; an e-mail under a country-code TLD other than .us). When enough of
 * the sample votes abroad and the US votes are few, the column is marked `abroad`: its five digits are
 * then a US ZIP only for a record that itself carries a US value (jurisdiction.ts). The record's
 * jurisdiction is otherwise left unknown rather than guessed — counsel sees "unknown" and asks,
 * which is the honest answer to a postcode alone (ISO 3166 postcodes of FR, DE, IT, ES, FI, MY… are
 * all five digits).
 */
import { detectorFor } from '../detectors/index.js';
import { NANP_COLUMN, validateNanpColumnPhone } from '../detectors/phone-nanp.js';
import { type ColumnClass, POSTCODE_ABROAD, type ValueFinding } from '../types.js';

/**
 * Shares of sampled rows that must point abroad: a US export has a few foreign customers, and an
 * e-mail's TLD is weak evidence (an American at web.de), so e-mails alone must be most of the
 * sample, while a phone, IBAN or national ID that excludes the US counts from 30 %.
 */
const ABROAD_MIN_SHARE = 0.3;
const ABROAD_WEAK_MIN_SHARE = 0.5;
/** US-voting rows may be at most this share of the abroad-voting ones. */
const US_MAX_RATIO = 0.25;
/** Country-code TLDs used as generic names (`.io`, `.co`, `.me`…): they say nothing of residence. */
const VANITY_TLDS = new Set(['us', 'io', 'co', 'me', 'tv', 'ai', 'ly', 'fm', 'to', 'cc', 'ws', 'gg', 'sh', 'am', 'so', 'vc', 'la', 'nu', 'tk', 'ac']);
const FIVE_DIGITS = /^\d{5}(?:-?\d{4})?$/;

/** A row's vote: a US-only value, a value that excludes the US, or only an e-mail's TLD. */
type Vote = 'us' | 'abroad' | 'weak' | null;

/** Marks bare five-digit postcode columns `abroad` when the table's sample says so (see above). */
export function applyPostcodePrior(classes: ColumnClass[], sample: (string | null)[][]): void {
  if (classes.some((c) => c.geo === 'country' || c.geo === 'region')) return;
  const postcodes: number[] = [];
  classes.forEach((c, j) => {
    if (c.geo === 'postal_code' && c.kind === undefined) postcodes.push(j);
  });
  if (postcodes.length === 0 || sample.length === 0) return;
  // Only columns that hold five-digit codes are ambiguous; UK/Canadian shapes decide themselves.
  const fiveDigit = postcodes.filter((j) => sample.some((row) => FIVE_DIGITS.test(row[j]?.trim() ?? '')));
  if (fiveDigit.length === 0) return;
  const voters = classes
    .map((c, j) => ({ j, el: c.element, nanp: c.kind === NANP_COLUMN }))
    .filter((x) => x.el === 'phone' || x.el === 'email' || x.el === 'iban' || x.el === 'national_id' || x.el === 'us_ssn');
  if (voters.length === 0) return;
  let us = 0;
  let strong = 0;
  let weak = 0;
  for (const row of sample) {
    let vote: Vote = null;
    for (const { j, el, nanp } of voters) {
      const v = row[j]?.trim();
      if (!v) continue;
      const w = nanp ? nanpVote(v) : voteOf(el!, v);
      if (w === 'us') {
        vote = 'us';
        break;
      }
      if (w === 'abroad' || (w === 'weak' && vote === null)) vote = w;
    }
    if (vote === 'us') us++;
    else if (vote === 'abroad') strong++;
    else if (vote === 'weak') weak++;
  }
  const n = sample.length;
  const abroad = strong + weak;
  const enough = (strong >= ABROAD_MIN_SHARE * n && abroad >= ABROAD_MIN_SHARE * n) || abroad >= ABROAD_WEAK_MIN_SHARE * n;
  if (enough && us <= US_MAX_RATIO * abroad) {
    for (const j of fiveDigit) classes[j] = { ...classes[j], kind: POSTCODE_ABROAD };
  }
}

/** A NANP column's phone (detectors/phone-nanp.ts): US when the US plan places it there; a NANP number of no known member says nothing. */
function nanpVote(v: string): Vote {
  const f = validateNanpColumnPhone(v);
  if (!f) return null;
  if (f.country === 'US') return 'us';
  return f.country ? 'abroad' : null;
}

function voteOf(el: string, v: string): Vote {
  if (el === 'email') {
    const dot = v.lastIndexOf('.');
    const tld = dot < 0 ? '' : v.slice(dot + 1).toLowerCase();
    return /^[a-z]{2}$/.test(tld) && !VANITY_TLDS.has(tld) ? 'weak' : null;
  }
  if (el === 'us_ssn') return detectorFor('us_ssn').validate(v) ? 'us' : null;
  const f = detectorFor(el as ValueFinding['element']).validate(v) as ValueFinding | null;
  if (!f) return null;
  // The phone detector tries the US plan first and stops there when the number is valid in it
  // (contact.ts), so a valid phone without country 'US' is not a valid US number.
  if (el === 'phone') return f.country === 'US' ? 'us' : 'abroad';
  return f.country && f.country !== 'US' ? 'abroad' : f.country === 'US' ? 'us' : null;
}

/**
 * Issue 14 §5 targets on text nobody here wrote: the presidio-research synthetic corpus
 * (test/fixtures/corpora/, SOURCES.md), scored as bench/corpus-eval.mjs scores it
 * (corpus-score.ts). The floors are what this tree reaches (bench/README.md, "Detectors on public
 * text nobody here wrote"); the issue asks names ≥ 0.85 recall at ≥ 0.90 precision and addresses
 * ≥ 0.90 recall, and every other element no worse than before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LabelledText, scoreCorpus } from './corpus-score.js';
import { scanText } from './text-scan.js';

const corpus: LabelledText[] = JSON.parse(readFileSync(new URL('../../../../test/fixtures/corpora/presidio-synth-v2.json', import.meta.url), 'utf8'));

/** element → [minimum recall, minimum precision]. */
const FLOORS: Record<string, [number, number]> = {
  person_name: [0.9, 0.95],
  postal_address: [0.95, 0.99],
  payment_card: [1, 1],
  phone: [0.935, 0.956],
  email: [1, 1],
  iban: [1, 1],
  us_ssn: [1, 1],
  ip_address: [1, 1],
  drivers_license: [1, 1],
};

describe('free-text detection on the presidio-research corpus (issue 14 §5)', () => {
  const table = scoreCorpus(corpus, (t) => scanText(t).elements);
  console.log(table.map((r) => `${r.element}: recall ${r.recall ?? '–'} (${r.found}/${r.labelled}), precision ${r.precision ?? '–'} (${r.findings - r.falsePositives}/${r.findings})`).join('\n'));
  for (const [element, [recall, precision]] of Object.entries(FLOORS)) {
    it(`${element}: recall ≥ ${recall}, precision ≥ ${precision}`, () => {
      const r = table.find((x) => x.element === element);
      expect(r, element).toBeDefined();
      expect(r!.recall, `${element} recall`).toBeGreaterThanOrEqual(recall);
      expect(r!.precision, `${element} precision`).toBeGreaterThanOrEqual(precision);
    });
  }
  it('no element outside the floors is reported with false positives, and no secret at all', () => {
    for (const r of table) if (!FLOORS[r.element]) expect(r.falsePositives, r.element).toBe(0);
    expect(corpus.reduce((n, r) => n + scanText(r.full_text).secrets.length, 0)).toBe(0);
  });
});

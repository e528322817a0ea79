/**
 * processBatch's values log against a model of what it must hold (engine23 replaced the path that
 * built it: no list of queued positions, key indexes per tag, link keys from bytes, the digests
 * written in dropSentValues' pass): for every record with personal data, in order, each finding's
 * digest under its namespace, then its composite link keys as the string form (eachLinkKey) makes
 * them, a repeat of a non-identifying value dropped once this thread sent it in this run.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElementId, RecordFindings, ValueFinding } from '../types.js';
import { type BatchTask, processBatch, STRONG_TAGS, TAG_OF } from './batch.js';
import { digestValueOf, namespaceOf } from './batch-digests.js';
import type { DetectionPort } from './detection.port.js';
import { KeyedSip64Batch } from './keyed-siphash.js';
import { eachLinkKey, MATCH_ONLY_TAGS, STRONG_SOURCE } from './link-keys.js';

/** Findings are given as JSON in the row's one cell. */
const fake: DetectionPort = {
  classifyColumns: () => [],
  detectRecord: (_classes, row): RecordFindings => ({ elements: row[0] ? (JSON.parse(row[0]) as ValueFinding[]) : [], secrets: [], geo: {} }),
  scanText: () => ({ elements: [], secrets: [] }),
  maskValue: (_el, v) => `m:${v.length}`,
  zipToState: () => null,
};

/** Values as leaks hold them: few distinct ones (repeats), unicode, Latin names, empty strings, lone surrogates. */
const word = fc.constantFrom('Ann', 'ann', 'Lee', 'José', 'Núñez', 'Łukasz', 'Weiß', 'Жанна', '李', '', ' ', '\ud800', 'O\'Neill', 'Mary Ann', '😀');
const text = fc.array(word, { maxLength: 3 }).map((w) => w.join(' '));
const finding: fc.Arbitrary<ValueFinding> = fc.oneof(
  fc.record({ element: fc.constant<ElementId>('person_name'), value: text }),
  fc.record({ element: fc.constant<ElementId>('postal_address'), value: text }),
  fc.record({ element: fc.constant<ElementId>('date_of_birth'), value: fc.constantFrom('1980-01-02', '1999-12-31', '') }),
  fc.record({ element: fc.constant<ElementId>('phone'), value: fc.constantFrom('+12125550100', '+390612345678', '+442071234567', '+49\u00e9') }),
  fc.record({ element: fc.constant<ElementId>('email'), value: fc.constantFrom('a@x.io', 'Jane.Roe+news@gmail.com', 'jane.roe@googlemail.com', 'é@x.io') }),
  fc.record({ element: fc.constant<ElementId>('us_ssn'), value: fc.constantFrom('123456789', '987654321') }),
  fc.record({ element: fc.constant<ElementId>('national_id'), value: fc.constantFrom('12345678901', 'X1'), kind: fc.constantFrom(undefined, 'de_idnr', 'fr_nir') }),
  fc.record({ element: fc.constant<ElementId>('ip_address'), value: fc.constantFrom('10.0.0.1', '::1') }),
);
const rows = fc.array(fc.array(finding, { maxLength: 8 }), { maxLength: 40 });

/** SENT_ONCE of batch-record.ts: neither a link tag nor a phone. */
const sentOnce = (tag: number) => !STRONG_TAGS[tag] && !MATCH_ONLY_TAGS[tag];

/** The values log and per-record counts the model gives for `batches` in one run (one sent-values memory). */
function model(key: Buffer, batches: ValueFinding[][][]): { values: number[]; counts: number[] }[] {
  const h = new KeyedSip64Batch(key).scalar;
  const sent = new Set<string>();
  return batches.map((records) => {
    const values: number[] = [];
    const counts: number[] = [];
    for (const elements of records) {
      if (elements.length === 0) continue;
      const triples: [number, number, number][] = [];
      const strong = elements.some((e) => STRONG_TAGS[TAG_OF.get(e.element)!] === 1);
      for (const e of elements) {
        h.digest(namespaceOf(e), digestValueOf(e));
        triples.push([h.hi, h.lo, TAG_OF.get(e.element)!]);
      }
      if (elements.some((e) => ['phone', 'date_of_birth', 'postal_address'].includes(e.element))) {
        eachLinkKey(elements, strong, {
          key: (ns, head, value, tag) => {
            h.digest(ns, head === null ? value : `${head}\u0000${value}`);
            triples.push([h.hi, h.lo, strong ? tag + STRONG_SOURCE : tag]);
          },
        });
      }
      let kept = 0;
      for (const [hi, lo, tag] of triples) {
        if (sentOnce(tag)) {
          const k = `${tag}:${hi}:${lo}`;
          if (sent.has(k)) continue;
          sent.add(k);
        }
        values.push(hi, lo, tag);
        kept++;
      }
      counts.push(kept);
    }
    return { values, counts };
  });
}

describe('processBatch values', () => {
  it('are the model’s digests, link keys and dropped repeats, batch after batch of one run', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(rows, { minLength: 1, maxLength: 3 }), (batches) => {
        const key = randomBytes(32);
        const run = `prop-${n++}`;
        const want = model(key, batches);
        batches.forEach((records, b) => {
          const task: BatchTask = { kind: 'records', key, run, classes: [], rows: records.map((r) => [JSON.stringify(r)]) };
          const r = processBatch(task, fake);
          expect(Array.from(r.values)).toEqual(want[b].values);
          expect(Array.from(r.meta).filter((_, i) => i % 3 === 0)).toEqual(want[b].counts);
        });
      }),
      { numRuns: 400 },
    );
  });
});

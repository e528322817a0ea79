import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../platform/prng.js';
import { inEncodedRun } from './text-blob.js';
import { scanText } from './text-scan.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const found = (s: string) => scanText(s).elements.map((e) => `${e.element}:${e.value}`);

describe('encoded runs (base64, tokens) in text', () => {
  it('holds no people: 400 log lines of random base64 give no name and no national ID', () => {
    const rnd = mulberry32(21);
    const hits: string[] = [];
    for (let n = 0; n < 400; n++) {
      let blob = '';
      for (let k = 0; k < 600; k++) blob += B64[Math.floor(rnd() * 64)];
      const line = `2024-03-12T01:02:03Z app[42]: ${n % 2 ? 'blob=' : 'payload: '}${blob}==`;
      for (const f of scanText(line).elements) if (f.element === 'person_name' || f.element === 'national_id') hits.push(f.value);
    }
    // Before: `Py`, `Vo`, `Py` here (and in 20 MB of such a log 177 names and 12 national IDs).
    expect(hits).toEqual([]);
  });

  it('a digits-only ID is never compacted out of a token with letters', () => {
    expect(found('SIN: 046 454 286')).toEqual(['national_id:046454286']);
    // digitsOf dropped the letter and the Luhn check passed: a SIN made of a token.
    expect(found('SIN: 04A6454286')).toEqual([]);
    expect(found('BSN: 111-222-333')).toEqual(['national_id:111222333']);
  });

  it('keeps names in words, paths and form values', () => {
    expect(found('Signed: Maria Garcia')).toEqual(['person_name:Maria Garcia']);
    expect(found('Maria/Garcia wrote')).toEqual(['person_name:Maria']);
    expect(found('path /Users/Alice/Documents/Project2024/Data opened by Alice Walker')).toContain('person_name:Alice Walker');
    expect(found('GET /account?name=John+Smith&email=x HTTP/1.1')).toEqual(['person_name:John']);
  });

  it('tells a run by its case and digit changes', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ';
    expect(inEncodedRun(jwt, 40, 42)).toBe(true);
    const path = '/Users/Alice/Documents/Project2024/Data';
    expect(inEncodedRun(path, 7, 9)).toBe(false);
    expect(inEncodedRun('Mozilla/5.0', 0, 2)).toBe(false);
  });
});

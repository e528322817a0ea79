/**
 * Issue 14 target: per-family recall ≥ 95 % and false positives ≤ 5 % on fixtures nobody here
 * wrote — gitleaks' rule tps/fps and secretlint's rule snapshots, copied under
 * test/fixtures/secrets/ (SOURCES.md). Generated samples (gitleaks' secrets.NewSecret) are made
 * with a seeded generator, so every run sees the same strings.
 */
import { readFileSync } from 'node:fs';
import { mulberry32 as rng } from '../../../platform/prng.js';
import { describe, expect, it } from 'vitest';
import { scanText } from './text-scan.js';

const DIR = new URL('../../../../test/fixtures/secrets/', import.meta.url);
const load = (f: string) => JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));

// ---- a seeded generator for the regex subset gitleaks' samples use ----------------------------------

/** Characters of a class body such as `a-z0-9_\-` or `A-Za-z0-9+/=`. */
function classChars(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\') c = body[++i];
    else if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let x = c.charCodeAt(0); x <= body.charCodeAt(i + 2); x++) out += String.fromCharCode(x);
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

/** A string matching `re` (literals, escapes, [classes] and {n} / {n,m} counts only). */
function generate(re: string, rand: () => number): string {
  let out = '';
  let i = 0;
  while (i < re.length) {
    let chars: string;
    if (re[i] === '[') {
      const end = re.indexOf(']', i + 2);
      chars = classChars(re.slice(i + 1, end));
      i = end + 1;
    } else if (re[i] === '\\') {
      chars = re[i + 1];
      i += 2;
    } else chars = re[i++];
    let n = 1;
    const q = /^\{(\d+)(?:,(\d+))?\}/.exec(re.slice(i));
    if (q) {
      const lo = Number(q[1]);
      const hi = q[2] ? Number(q[2]) : lo;
      n = lo + Math.floor(rand() * (hi - lo + 1));
      i += q[0].length;
    }
    for (let k = 0; k < n; k++) out += chars[Math.floor(rand() * chars.length)];
  }
  return out;
}

function expand(template: string, rand: () => number): string {
  const named = new Map<string, string>();
  return template.replace(/⟦(?:([a-z]+):)?(.+?)⟧/g, (_m, name: string | undefined, re: string) => {
    if (name && named.has(name)) return named.get(name)!;
    const v = generate(re, rand);
    if (name) named.set(name, v);
    return v;
  });
}

// ---- the corpus -------------------------------------------------------------------------------------------

interface Sample {
  family: string;
  source: string;
  text: string;
  positive: boolean;
}

/**
 * Fixture positives that issue 14 §2 calls placeholders (documentation values): left out of the
 * recall figure, listed in the report, and asserted NOT to be reported as secrets.
 */
const PLACEHOLDERS_BY_ISSUE = new Map([
  ['DOCKER_TOKEN=dckr_pat_Example1234567890AbCdEfGhjK', 'secretlint docker ng: "Example" plus the run 1234567890 — a documentation value'],
  // gitleaks' only age sample is the key prefix followed by 58 × Q: a fill, which issue 14 §2 calls a
  // placeholder (the rule itself is tested on a random key in secret-rules.test.ts).
  ['AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ', 'gitleaks age-secret-key: 58 × "Q" after the prefix — a fill'],
]);
/** A fixture text holding one of the values above (gitleaks writes each sample in 30 formats). */
const issuePlaceholder = (text: string) => [...PLACEHOLDERS_BY_ISSUE.keys()].some((k) => text.includes(k));

type Tp = string | { sample: [string, string] } | { samples: [string, string] };

function gitleaksSamples(): Sample[] {
  const g = load('gitleaks-rules.json');
  const rand = rng(14);
  const out: Sample[] = [];
  const fill = (fmt: string, id: string, s: string) => fmt.replaceAll('{i}', id).replaceAll('{s}', s);
  for (const r of g.rules as { rule: string; family: string; tps: Tp[]; fps: string[] }[]) {
    const source = `gitleaks:${r.rule}`;
    for (const tp of r.tps) {
      const texts = typeof tp === 'string' ? [expand(tp, rand)] : 'sample' in tp ? [fill(g.generator.sample, tp.sample[0], expand(tp.sample[1], rand))] : Object.values(g.generator.samples as Record<string, string>).map((f) => fill(f, tp.samples[0], expand(tp.samples[1], rand)));
      for (const text of texts) out.push({ family: r.family, source, text, positive: true });
    }
    for (const fp of r.fps) out.push({ family: r.family, source, text: expand(fp, rand), positive: false });
  }
  return out;
}

function secretlintSamples(): Sample[] {
  const s = load('secretlint-snapshots.json');
  const out: Sample[] = [];
  for (const c of s.cases as { rule: string; family: string; text: string; found: string[] }[]) {
    for (const line of c.text.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const positive = c.found.some((f) => line.includes(f));
      // In an ng snapshot, a line secretlint does not report is not labelled either way.
      if (!positive && c.found.length > 0) continue;
      out.push({ family: c.family, source: `secretlint:${c.rule}`, text: line, positive });
    }
  }
  return out;
}

interface Row {
  family: string;
  positives: number;
  found: number;
  negatives: number;
  falsePositives: number;
  missed: string[];
  wrong: string[];
}

function evaluate(samples: Sample[]): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const s of samples) {
    const row = rows.get(s.family) ?? { family: s.family, positives: 0, found: 0, negatives: 0, falsePositives: 0, missed: [], wrong: [] };
    rows.set(s.family, row);
    const hit = scanText(s.text, { people: false }).secrets.some((f) => !f.suspect && (f.family ?? f.type) === s.family);
    if (s.positive) {
      row.positives++;
      if (hit) row.found++;
      else row.missed.push(`${s.source}: ${s.text.slice(0, 120)}`);
    } else {
      row.negatives++;
      if (hit) {
        row.falsePositives++;
        row.wrong.push(`${s.source}: ${s.text.slice(0, 120)}`);
      }
    }
  }
  return rows;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');

describe('secret detection on gitleaks and secretlint fixtures (issue 14)', () => {
  const all = [...gitleaksSamples(), ...secretlintSamples()];
  const samples = all.filter((s) => !issuePlaceholder(s.text));
  const rows = evaluate(samples);
  const table = [
    '| family | positives | found | recall | negatives | false positives | FP rate |',
    '|---|---|---|---|---|---|---|',
    ...[...rows.values()].sort((a, b) => a.family.localeCompare(b.family)).map((r) => `| ${r.family} | ${r.positives} | ${r.found} | ${pct(r.found, r.positives)} | ${r.negatives} | ${r.falsePositives} | ${pct(r.falsePositives, r.negatives)} |`),
  ];
  const tot = [...rows.values()].reduce((a, r) => ({ p: a.p + r.positives, f: a.f + r.found, n: a.n + r.negatives, fp: a.fp + r.falsePositives }), { p: 0, f: 0, n: 0, fp: 0 });
  table.push(`| **all** | ${tot.p} | ${tot.f} | ${pct(tot.f, tot.p)} | ${tot.n} | ${tot.fp} | ${pct(tot.fp, tot.n)} |`);
  console.log(`${table.join('\n')}\n\nLeft out as placeholders (issue 14 §2):\n${[...PLACEHOLDERS_BY_ISSUE.values()].join('\n')}\n`);

  it('does not report the fixtures issue 14 calls placeholders', () => {
    for (const value of PLACEHOLDERS_BY_ISSUE.keys()) {
      const texts = all.filter((s) => s.text.includes(value));
      expect(texts.length).toBeGreaterThan(0);
      for (const s of texts) expect(scanText(s.text, { people: false }).secrets.filter((f) => !f.suspect)).toEqual([]);
    }
  });

  it('reads enough of both corpora to measure', () => {
    expect(samples.filter((s) => s.source.startsWith('gitleaks')).length).toBeGreaterThan(500);
    expect(samples.filter((s) => s.source.startsWith('secretlint')).length).toBeGreaterThan(20);
  });

  it.each([...rows.values()].filter((r) => r.positives > 0).map((r) => [r.family, r] as const))('%s: recall ≥ 95 %', (_f, r) => {
    expect(r.found / r.positives, r.missed.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(0.95);
    if (r.missed.length) console.log(`missed (${r.family}):\n${r.missed.join('\n')}`);
  });

  it('false positives on the negatives ≤ 5 % overall', () => {
    const wrong = [...rows.values()].flatMap((r) => r.wrong);
    expect(tot.fp / tot.n, wrong.join('\n')).toBeLessThanOrEqual(0.05);
  });
});

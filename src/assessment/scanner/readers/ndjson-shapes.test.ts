import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { readNdjson } from './ndjson-reader.js';
import { type LineBlock, splitLines } from './line-splitter.js';

async function* chunks(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function events(text: string, size: number, learnShapes: boolean): Promise<unknown[]> {
  const out: unknown[] = [];
  const blocks = splitLines(chunks(Buffer.from(text), size), 'f.ndjson', 1 << 20) as AsyncIterable<LineBlock>;
  for await (const ev of readNdjson('f.ndjson', 'f', blocks, learnShapes)) out.push(ev);
  return out;
}

/** A number written as given (`-0`, `1.0`, `1E2`: text JSON.stringify never writes). */
class Raw {
  constructor(readonly text: string) {}
}
/** An object as its entries in text order (integer-like keys after others, duplicates). */
type Entries = [string, Node][];
type Node = Entries | unknown;

interface Style {
  ws: () => string;
  /** `\u` escapes for non-ASCII (Python's ensure_ascii). */
  ascii: boolean;
  /** Keys written without escaping (a broken line). */
  rawKeys: boolean;
}

function serialise(v: Node, st: Style): string {
  const str = (s: string) => {
    const j = JSON.stringify(s);
    return st.ascii ? j.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : j;
  };
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v) && (v.length === 0 || Array.isArray(v[0]))) {
    const parts = (v as Entries).map(([k, x]) => `${st.rawKeys ? `"${k}"` : str(k)}${st.ws()}:${st.ws()}${serialise(x, st)}`);
    return `{${st.ws()}${parts.join(`${st.ws()},${st.ws()}`)}${st.ws()}}`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => serialise(x, st)).join(',')}]`;
  return typeof v === 'string' ? str(v) : JSON.stringify(v);
}

describe('NDJSON learned line shapes', () => {
  it('give the events JSON.parse and the flattener give, line for line', async () => {
    let parses = 0;
    let total = 0;
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('Ann', 'Núñez', 'a"b', 'a\\b', 'tab\there', '\u2028', '\ud800', 'x/y'),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 1e21, 1.5e-7, 123456789012345, 1234567890123456800, 0.1, 100),
      fc.boolean(),
      fc.constant(null),
    );
    const key = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('id', 'name', 'email', 'address', 'city', 'zip', 'a.b', 'é', 'phone', 'dob', 'total', 'card') },
      { weight: 1, arbitrary: fc.constantFrom('1', '10', '__proto__', 'k"q', 'k\\', '') },
    );
    // A few templates per file (an export has few shapes); records fill them with new scalars and
    // sometimes break them (an array, an empty object, an extra key, keys left unescaped, a cut line).
    const template: fc.Arbitrary<Entries> = fc.letrec((tie) => ({
      obj: fc.oneof(
        { weight: 4, arbitrary: fc.uniqueArray(fc.tuple(key, fc.oneof({ weight: 5, arbitrary: fc.constant('S') }, { weight: 1, arbitrary: tie('obj') })), { maxLength: 5, selector: (e) => e[0] }) },
        // Duplicate keys: JSON.parse keeps the last value at the first key's place.
        { weight: 1, arbitrary: fc.array(fc.tuple(key, fc.constant('S')), { maxLength: 5 }) },
      ),
    })).obj as fc.Arbitrary<Entries>;
    const fill = (t: Node, vals: unknown[]): Node => (t === 'S' ? (vals.length ? vals.pop() : null) : (t as Entries).map(([k, v]) => [k, fill(v, vals)]));
    const line = fc.tuple(
      fc.nat(3),
      fc.array(fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.constantFrom('-0', '1.0', '1E2', '0.10', '-0.0', '1e400', '-12', '007').map((t) => new Raw(t)) }), {
        minLength: 20,
        maxLength: 20,
      }),
      fc.constantFrom('as-is', 'as-is', 'as-is', 'as-is', 'as-is', 'as-is', 'array', 'empty', 'extra', 'broken', 'blank', 'raw-keys'),
      fc.constantFrom('compact', 'compact', 'spaced', 'ascii'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(template, { minLength: 1, maxLength: 2 }), fc.array(line, { maxLength: 60 }), fc.constantFrom(7, 64, 1 << 16), async (templates, lines, size) => {
        const text = lines
          .map(([t, vals, twist, style]) => {
            const v = fill(templates[t % templates.length], [...vals]) as Entries;
            if (twist === 'array') v.push(['list', [vals[0], [['x', vals[1]]]]]);
            if (twist === 'empty') v.push(['nothing', []]);
            if (twist === 'extra') v.push(['extra', vals[2] ?? null]);
            if (twist === 'blank') return ' ';
            const ws = style === 'spaced' ? () => [' ', '', '\t', '  '][Math.abs(Number(vals[3]) | 0) % 4] : () => '';
            const s = serialise(v, { ws, ascii: style === 'ascii', rawKeys: twist === 'raw-keys' });
            return twist === 'broken' ? s.slice(0, -1) : style === 'spaced' ? ` ${s}\r` : s;
          })
          .join('\n');
        const parse = vi.spyOn(JSON, 'parse');
        const fast = await events(text, size, true);
        // Whole lines handed to JSON.parse (not the string literals with escapes the fast path decodes).
        parses += parse.mock.calls.filter(([a]) => typeof a === 'string' && a.trimStart().startsWith('{')).length;
        parse.mockRestore();
        total += lines.length;
        expect(fast).toEqual(await events(text, size, false));
      }),
      { numRuns: 400 },
    );
    // The learned shapes did read lines (not every line went to JSON.parse).
    // (Many generated templates cannot be learned — empty objects, duplicate or tricky keys — and
    // a fifth of the lines are twisted: ≈ 77 % of lines reach JSON.parse.)
    expect(parses).toBeLessThan(total * 0.9);
  });

  it('read the lines of one shape without JSON.parse and keep their columns', async () => {
    const text = `${[1, 2, 3].map((i) => JSON.stringify({ id: i, name: `N${i}`, address: { city: 'Paris', zip: `7500${i}` }, vip: i === 2, total: 1.5 * i })).join('\n')}\n`;
    const parse = vi.spyOn(JSON, 'parse');
    const evs = (await events(text, 1 << 16, true)) as { kind: string; columns?: string[]; rows?: unknown[][] }[];
    // The first line teaches the shape; the other two match it.
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
    const rec = evs.find((e) => e.kind === 'records')!;
    expect(rec.columns).toEqual(['id', 'name', 'address.city', 'address.zip', 'vip', 'total']);
    expect(rec.rows).toEqual([
      ['1', 'N1', 'Paris', '75001', 'false', '1.5'],
      ['2', 'N2', 'Paris', '75002', 'true', '3'],
      ['3', 'N3', 'Paris', '75003', 'false', '4.5'],
    ]);
  });
});

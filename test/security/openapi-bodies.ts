/**
 * Request bodies generated from the OpenAPI document's JSON Schemas (fast-check arbitraries): the
 * authorisation matrix sends a schema-valid body so a write reaches the handler's own checks, and
 * the fuzzer sends valid bodies with hostile strings and values around every limit.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
}

/** Strings that break naive code: markup, SQL, formula starts, NUL, bidi, huge code points. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.example")',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '𝕏'.repeat(50),
  '../../../../etc/passwd',
  '{"$gt": ""}',
  '%00%0d%0aSet-Cookie: x=y',
  ' ',
  '\r\n\r\n',
];

export interface BodyOptions {
  /** Mix hostile strings into every string field (still within its length limits when possible). */
  hostile?: boolean;
  /** Values to use for fields of these names (ids of the seeded world). */
  fixed?: Record<string, unknown>;
}

function stringArb(s: JsonSchema, o: BodyOptions): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 200, 400);
  let base: fc.Arbitrary<string>;
  if (s.format === 'date-time') base = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  else if (s.format === 'email') base = fc.emailAddress().filter((e) => e.length <= max && /^[^.].*@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(e));
  else if (s.format === 'uri' || s.format === 'url') base = fc.webUrl();
  else if (s.pattern) base = fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= max);
  else base = fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) });
  if (!o.hostile || s.format || s.pattern) return base;
  const hostile = fc.constantFrom(...HOSTILE_STRINGS).filter((h) => h.length >= min && h.length <= max);
  return fc.oneof(base, hostile);
}

export function arbitraryFor(s: JsonSchema, o: BodyOptions = {}, name = ''): fc.Arbitrary<unknown> {
  if (name && o.fixed && name in o.fixed) return fc.constant(o.fixed[name]);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => arbitraryFor(a, o, name)));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
  const nonNull = types.filter((t) => t !== 'null');
  const nullable = s.nullable || types.includes('null');
  const t = nonNull[0];
  let arb: fc.Arbitrary<unknown>;
  switch (t) {
    case 'string':
      arb = stringArb(s, o);
      break;
    case 'integer':
      arb = fc.integer({ min: Math.ceil(s.minimum ?? -1000), max: Math.floor(s.maximum ?? 1000) });
      break;
    case 'number':
      arb = fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
      break;
    case 'boolean':
      arb = fc.boolean();
      break;
    case 'array':
      arb = fc.array(s.items ? arbitraryFor(s.items, o) : fc.string(), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
      break;
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = arbitraryFor(v, o, k);
      const fixedKeys = Object.keys(props).filter((k) => o.fixed && k in o.fixed);
      arb = fc.record(record, { requiredKeys: [...new Set([...required, ...fixedKeys])] as never[] });
      break;
    }
    default:
      arb = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
  }
  return nullable ? fc.option(arb, { nil: null, freq: 8 }) : arb;
}

/** One deterministic schema-valid body (the same for every run: seeded). */
export function sampleBody(s: JsonSchema, o: BodyOptions = {}, seed = 19): unknown {
  return fc.sample(arbitraryFor(s, o), { numRuns: 1, seed })[0];
}

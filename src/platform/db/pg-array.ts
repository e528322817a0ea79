/**
 * PostgreSQL array literals (`{a,"b c",NULL}`) built directly, for array parameters of hot
 * statements (the intake's `unnest($1::text[], …)`). node-postgres quotes every element and runs
 * two regular-expression replacements over it (`escapeElement`), which on the intake's group
 * write — 24 columns of up to 500 alerts, the encrypted ones ≈ 1 KB each — was ≈ 5 % of the
 * writer's CPU (bench/README.md, pgi15). Here an element made only of characters that need no
 * quoting (ids, base64, ISO 8601 times, numbers: most of them) is written as it is; any other is
 * quoted and escaped as PostgreSQL's array input reads it (docs, "Array Value Input": double
 * quotes around an element that is empty, is NULL in any case, or holds braces, commas, double
 * quotes, backslashes or white space; backslash before `"` and `\` inside them).
 */

/** Characters an unquoted array element may hold (no separator, brace, quote, backslash or space). */
const BARE = /^[A-Za-z0-9_.:+/=@-]+$/;
const NULL_WORD = /^null$/i;

export function arrayLiteral(values: ReadonlyArray<string | number | null | undefined>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') out += String(v);
    else if (BARE.test(v) && !NULL_WORD.test(v)) out += v;
    else out += `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

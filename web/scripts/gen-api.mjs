#!/usr/bin/env node
// Generates web/src/api/schema.ts — TypeScript types of every API operation — from the OpenAPI
// document the server publishes (/api/openapi.json, built by @fastify/swagger from the zod
// route schemas). openapi-typescript cannot be installed next to TypeScript 7, so this is a
// small JSON Schema → TypeScript printer covering what zod 4 emits (objects, arrays, enums,
// const, nullable unions, records, $ref).
//
//   node web/scripts/gen-api.mjs                      # in-process server from the build (npm run build first)
//   node web/scripts/gen-api.mjs --url http://localhost:8080
//   node web/scripts/gen-api.mjs --file openapi.json [--out path.ts]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../../', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = opt('--out') ?? join(root, 'web/src/api/schema.ts');

async function loadSpec() {
  if (opt('--file')) return JSON.parse(readFileSync(opt('--file'), 'utf8'));
  if (opt('--url')) {
    const r = await fetch(new URL('/api/openapi.json', opt('--url')));
    if (!r.ok) throw new Error(`GET /api/openapi.json: ${r.status}`);
    return r.json();
  }
  // In-process: the built server on a throw-away SQLite store; nothing listens on a port.
  const dataDir = mkdtempSync(join(tmpdir(), 'bd-gen-api-'));
  try {
    const { loadConfig } = await import(join(root, 'dist/platform/config.js'));
    const { openPlatform } = await import(join(root, 'dist/platform/platform.js'));
    const { createLogger } = await import(join(root, 'dist/platform/logger.js'));
    const { ALL_MIGRATIONS } = await import(join(root, 'dist/main/migrations.js'));
    const { buildServer } = await import(join(root, 'dist/main/server.js'));
    const config = loadConfig({ env: { BREACHDESK_DATA_DIR: dataDir, BREACHDESK_LOG_LEVEL: 'silent', BREACHDESK_INLINE_WORKER: 'false' }, cwd: dataDir });
    const platform = await openPlatform(config, { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
    try {
      const app = await buildServer(platform);
      await app.ready();
      const spec = app.swagger();
      await app.close();
      return spec;
    } finally {
      await platform.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ident = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
const pad = (n) => '  '.repeat(n);

/** JSON Schema (OpenAPI 3 dialect) → TypeScript type text. */
export function toTs(s, depth = 0) {
  if (s === undefined || s === null || s === true || (typeof s === 'object' && Object.keys(s).length === 0)) return 'unknown';
  if (s === false) return 'never';
  if (s.$ref) return `components['schemas'][${JSON.stringify(s.$ref.split('/').pop())}]`;
  const nullable = s.nullable === true ? ' | null' : '';
  if (s.const !== undefined) return JSON.stringify(s.const) + nullable;
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ') + nullable;
  for (const key of ['anyOf', 'oneOf']) if (Array.isArray(s[key])) return `(${s[key].map((x) => toTs(x, depth)).join(' | ')})${nullable}`;
  if (Array.isArray(s.allOf)) return `(${s.allOf.map((x) => toTs(x, depth)).join(' & ')})${nullable}`;
  if (Array.isArray(s.type)) return `(${s.type.map((t) => toTs({ ...s, type: t }, depth)).join(' | ')})`;
  switch (s.type) {
    case 'string':
      return 'string' + nullable;
    case 'number':
    case 'integer':
      return 'number' + nullable;
    case 'boolean':
      return 'boolean' + nullable;
    case 'null':
      return 'null';
    case 'array':
      return `Array<${toTs(s.items, depth)}>` + nullable;
    case 'object':
    case undefined: {
      const props = s.properties ?? {};
      const req = new Set(s.required ?? []);
      const lines = Object.entries(props).map(([k, v]) => `${pad(depth + 1)}${ident(k)}${req.has(k) ? '' : '?'}: ${toTs(v, depth + 1)};`);
      const extra = s.additionalProperties;
      if (extra && extra !== false) lines.push(`${pad(depth + 1)}[key: string]: ${extra === true ? 'unknown' : toTs(extra, depth + 1)};`);
      if (lines.length === 0) return (s.type === 'object' ? 'Record<string, unknown>' : 'unknown') + nullable;
      return `{\n${lines.join('\n')}\n${pad(depth)}}${nullable}`;
    }
    default:
      return 'unknown';
  }
}

function paramsOf(op, where, depth) {
  const ps = (op.parameters ?? []).filter((p) => p.in === where);
  if (ps.length === 0) return 'never';
  return `{\n${ps.map((p) => `${pad(depth + 1)}${ident(p.name)}${p.required ? '' : '?'}: ${toTs(p.schema, depth + 1)};`).join('\n')}\n${pad(depth)}}`;
}

function contentOf(content, depth) {
  if (!content) return 'never';
  const json = content['application/json'] ?? content['application/problem+json'];
  if (json) return toTs(json.schema, depth);
  const first = Object.values(content)[0];
  return first ? toTs(first.schema, depth) : 'unknown';
}

export function render(spec) {
  const lines = [
    '// Generated by web/scripts/gen-api.mjs from the server\'s /api/openapi.json — do not edit by hand.',
    `// ${spec.info?.title ?? 'API'} ${spec.info?.version ?? ''}: ${Object.keys(spec.paths ?? {}).length} paths.`,
    '',
    'export interface components {',
  ];
  const schemas = Object.entries(spec.components?.schemas ?? {});
  if (schemas.length === 0) lines.push('  schemas: Record<string, never>;');
  else {
    lines.push('  schemas: {');
    for (const [name, schema] of schemas) lines.push(`    ${ident(name)}: ${toTs(schema, 2)};`);
    lines.push('  };');
  }
  lines.push('}', '', 'export interface paths {');
  for (const [path, item] of Object.entries(spec.paths ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${JSON.stringify(path)}: {`);
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      lines.push(`    ${method}: {`);
      lines.push(`      path: ${paramsOf(op, 'path', 3)};`);
      lines.push(`      query: ${paramsOf(op, 'query', 3)};`);
      lines.push(`      body: ${op.requestBody ? contentOf(op.requestBody.content, 3) : 'never'};`);
      lines.push('      responses: {');
      for (const [code, res] of Object.entries(op.responses ?? {})) lines.push(`        ${JSON.stringify(code)}: ${contentOf(res.content, 4)};`);
      lines.push('      };', '    };');
    }
    lines.push('  };');
  }
  lines.push('}', '');
  return lines.join('\n');
}

// Run as a script (not when imported by tests).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const spec = await loadSpec();
  writeFileSync(out, render(spec));
  process.stdout.write(`wrote ${out} (${Object.keys(spec.paths ?? {}).length} paths)\n`);
}

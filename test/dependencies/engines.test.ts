import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// One Node requirement everywhere: every installed package must accept every Node version that
// our own package.json `engines.node` promises, or `npm ci` prints EBADENGINE for some users
// (npm checks each package's `engines` against the running Node: docs.npmjs.com/cli/configuring-npm/package-json#engines).
const root = join(import.meta.dirname, '..', '..');
const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};

interface Installed {
  where: string;
  name: string;
  version: string;
  node?: string;
}

function walk(modules: string, out: Installed[]): void {
  let entries: string[];
  try {
    entries = readdirSync(modules);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      walk(join(modules, entry), out);
      continue;
    }
    const dir = join(modules, entry);
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const node = typeof pkg.engines?.node === 'string' ? pkg.engines.node : undefined;
      out.push({ where: dir.slice(root.length + 1), name: pkg.name, version: pkg.version, node });
    } catch {
      // a scope folder entry without package.json (or a broken link): nothing to check
    }
    walk(join(dir, 'node_modules'), out);
  }
}

describe('Node engines', () => {
  const installed: Installed[] = [];
  walk(join(root, 'node_modules'), installed);

  it('finds the installed packages', () => {
    expect(installed.length).toBeGreaterThan(300);
    expect(installed.some((p) => p.name === 'fastify')).toBe(true);
  });

  it('our engines range names Node 20, what the README and these machines run', () => {
    expect(semver.validRange(own.engines.node)).not.toBeNull();
    expect(semver.satisfies('20.20.2', own.engines.node)).toBe(true);
    expect(semver.satisfies(process.version, own.engines.node)).toBe(true);
  });

  it("every installed package accepts every Node our package.json accepts", () => {
    const misfits = installed
      .filter((p) => p.node !== undefined && semver.validRange(p.node) !== null)
      .filter((p) => !semver.subset(own.engines.node, p.node as string))
      .map((p) => `${p.where} ${p.version} wants node ${p.node}`);
    expect(misfits).toEqual([]);
  });
});

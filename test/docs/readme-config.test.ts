/**
 * The README's configuration table names real settings, and the ones a first install needs
 * (issue 20 §8: SMTP was missing, so mail silently did not go out) are in it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../src/platform/config.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));
const listed = [...section.matchAll(/^\| `(BREACHDESK_[A-Z_]+)` \|/gm)].map((m) => m[1]!);

describe('README configuration section', () => {
  it('lists only settings that exist', () => {
    const known = new Set<string>(Object.values(SETTING_NAMES).map(([env]) => env));
    expect(listed.length).toBeGreaterThan(8);
    expect(listed.filter((v) => !known.has(v))).toEqual([]);
  });

  it('lists the mail settings, the listen address and the public URL', () => {
    for (const v of ['BREACHDESK_SMTP_URL', 'BREACHDESK_MAIL_FROM', 'BREACHDESK_REMINDER_FROM', 'BREACHDESK_HOST', 'BREACHDESK_PUBLIC_URL']) expect(listed).toContain(v);
  });

  it('docs/configuration.md lists every setting', () => {
    const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    const missing = Object.values(SETTING_NAMES)
      .map(([env]) => env)
      .filter((env) => !doc.includes(`| \`${env}\` |`));
    expect(missing).toEqual([]);
  });
});

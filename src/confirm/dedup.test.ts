import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUP_KEYS, fingerprintOf } from './dedup.js';
import { parseAlertsBody } from './intake-body.js';
import { normalise } from './normalise/index.js';

const dir = new URL('./fixtures/', import.meta.url);
const AT = '2026-01-01T00:00:00.000Z';
/** The fingerprint's input in clear: a keyed hash of it is what is stored. */
const clear = (s: string) => s;

describe('dedup fingerprints stay what they were when a normaliser reads more', () => {
  it('every fixture fingerprints as in fixtures/fingerprints.txt (the normalisers before Wazuh who-data; rules with an id by the id)', () => {
    const got: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('json')).sort()) {
      parseAlertsBody(readFileSync(new URL(f, dir), 'utf8')).forEach((d, i) => {
        const fp = fingerprintOf(normalise(d, 'auto', AT), DEFAULT_DEDUP_KEYS, 900, JSON.stringify(d), clear);
        got.push(`${f}#${i} ${fp.startsWith('raw:') ? 'raw' : fp}`);
      });
    }
    const want = readFileSync(new URL('fingerprints.txt', dir), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(got).toEqual(want);
  });

  it('a who-data alert shows and correlates its users but fingerprints as the alert without them did', () => {
    const [sudo] = parseAlertsBody(readFileSync(new URL('wazuh-whodata.ndjson', dir), 'utf8'));
    const a = normalise(sudo!, 'auto', AT);
    expect(a.users).toEqual(['mbrandt', 'root']);
    expect(a.dedupBasis).toEqual({ users: [] });
    const before = structuredClone(a);
    before.users = [];
    delete before.dedupBasis;
    expect(fingerprintOf(a, ['rule', 'hosts', 'users'], 900, '', clear)).toBe(fingerprintOf(before, ['rule', 'hosts', 'users'], 900, '', clear));
    // Without a basis the users count: the basis is what keeps the two equal.
    expect(fingerprintOf({ ...a, dedupBasis: undefined }, ['users'], 900, '', clear)).not.toBe(fingerprintOf(before, ['users'], 900, '', clear));
  });

  it('a rule with an id fingerprints by the id: a Wazuh description or Suricata signature reworded or translated is the same alert, a Wazuh FIM alert of another file is not; a Falco rule name is its identity', () => {
    const fp = (d: Record<string, unknown>) => fingerprintOf(normalise(d as never, 'auto', AT), DEFAULT_DEDUP_KEYS, 900, JSON.stringify(d), clear);
    const [wazuh, fim] = parseAlertsBody(readFileSync(new URL('wazuh-alerts.ndjson', dir), 'utf8')) as Array<Record<string, { description: string }>>;
    const reworded = (d: Record<string, unknown>, description: string) => ({ ...d, rule: { ...(d.rule as object), description } });
    // Wazuh 4.x wrote "Integrity checksum changed."; a ruleset upgrade or an overwritten rule (`overwrite="yes"`) in German keeps rule 550.
    expect(fp(reworded(fim!, 'Integritätsprüfsumme geändert'))).toBe(fp(fim!));
    expect(fp(reworded(wazuh!, 'Multiple failed authentication attempts'))).toBe(fp(wazuh!));
    expect(fp({ ...fim!, rule: { ...fim!.rule, id: '554' } })).not.toBe(fp(fim!));
    // A file integrity alert is about its file: another file changed on the same host in the same window is another alert.
    const other = { ...fim!, syscheck: { ...(fim!.syscheck as object), path: '/etc/shadow' } };
    expect(fp(other)).not.toBe(fp(fim!));
    expect(fp({ ...other, id: 'a-later-copy' })).toBe(fp(other));
    const [eve] = parseAlertsBody(readFileSync(new URL('suricata-eve.ndjson', dir), 'utf8')) as Array<Record<string, Record<string, unknown>>>;
    expect(fp({ ...eve!, alert: { ...eve!.alert, signature: 'ET HUNTING Generic Suspicious POST to Dotted Quad with Fake Browser 1', rev: 4 } })).toBe(fp(eve!));
    expect(fp({ ...eve!, alert: { ...eve!.alert, signature_id: 2018359 } })).not.toBe(fp(eve!));
    const [falco] = parseAlertsBody(readFileSync(new URL('falco-k8s.ndjson', dir), 'utf8')) as Array<Record<string, unknown>>;
    expect(fp({ ...falco!, rule: 'Read sensitive file trusted after startup' })).not.toBe(fp(falco!));
  });
});

#!/usr/bin/env node
/**
 * The intake's pure steps per alert, in-process: normalise, correlation entities and the dedup
 * fingerprint (what every alert costs before the store), over every vendor fixture
 * (src/confirm/fixtures) plus AWS findings of the access-key shape, repeated. CPU µs an alert
 * (user + sys of this process) of the build in this tree, or BENCH_TREE=DIR's.
 *
 *   npm run build
 *   node bench/intake/normalise.mjs [--alerts 200000] [--rounds 3]
 *
 * Prints one JSON line per round (after a warm-up round).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { root } from '../serve-harness.mjs';

const { values: args } = parseArgs({ options: { alerts: { type: 'string', default: '200000' }, rounds: { type: 'string', default: '3' } } });
const dist = (p) => import(new URL(`dist/${p}`, `file://${root}`).href);
const { normalise } = await dist('confirm/normalise/index.js');
const { entitiesOf } = await dist('confirm/correlation-entities.js');
const { fingerprintOf, DEFAULT_DEDUP_KEYS } = await dist('confirm/dedup.js');
const { parseAlertsBody } = await dist('confirm/intake-body.js');

// The fixtures of this checkout (the same documents whichever build runs).
const fixtures = new URL('../../src/confirm/fixtures/', import.meta.url);
const docs = [];
for (const f of readdirSync(fixtures).filter((n) => n.endsWith('json')).sort()) docs.push(...parseAlertsBody(readFileSync(new URL(f, fixtures), 'utf8')));
const key = (account, type, n) => ({
  schemaVersion: '2.0',
  accountId: account,
  partition: 'aws',
  id: `f${n}`,
  arn: `arn:aws:guardduty:us-east-1:${account}:detector/d/finding/f${n}`,
  type,
  severity: 2,
  updatedAt: '2026-12-07T12:00:00Z',
  resource: { resourceType: 'AccessKey', accessKeyDetails: { accessKeyId: `ASIA${n}`, principalId: n % 2 ? account : 'AROAX:ops', userName: n % 2 ? 'Root' : 'OrganizationAccountAccessRole', userType: n % 2 ? 'Root' : 'AssumedRole' } },
  service: { action: { awsApiCallAction: { remoteIpDetails: { ipAddressV4: `198.51.100.${n % 250}` } } } },
});
for (let n = 0; n < 8; n++) docs.push(key(String(111111111111 * (1 + (n % 4))), n % 2 ? 'Policy:IAMUser/RootCredentialUsage' : 'Discovery:IAMUser/AnomalousBehavior', n));
const raws = docs.map((d) => JSON.stringify(d));
const at = '2026-12-07T12:00:00.000Z';
const mac = (s) => s;

const total = Number(args.alerts);
let sink = 0;
const round = () => {
  const t = process.cpuUsage();
  for (let i = 0; i < total; i++) {
    const k = i % docs.length;
    const a = normalise(docs[k], 'auto', at);
    sink += entitiesOf(a).length + fingerprintOf(a, DEFAULT_DEDUP_KEYS, 900, raws[k], mac).length;
  }
  const u = process.cpuUsage(t);
  return (u.user + u.system) / total;
};
round();
for (let r = 0; r < Number(args.rounds); r++) {
  const us = round();
  process.stdout.write(`${JSON.stringify({ tree: root, docs: docs.length, alerts: total, cpuUsPerAlert: Number(us.toFixed(3)), load1: Number(loadavg()[0].toFixed(1)), sink: sink % 7 })}\n`);
}

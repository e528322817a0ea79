/**
 * nftables: block addresses and CIDRs in named sets of Breachdesk's own table, each element with
 * a timeout and a comment naming the incident and action (https://wiki.nftables.org "Sets",
 * "Element timeouts"). The drop rules match both directions and do not exempt established
 * connections, so a live connection from a blocked address is cut, not only new ones. nftables has
 * no maintained Node binding: we run `nft -j` (JSON out) with arguments, never through a shell.
 * Needs CAP_NET_ADMIN where it runs; `netns` runs nft inside a network namespace (tests).
 * Idempotency as tested on nft 1.0.6 (reference §7.2): `add element` twice succeeds; `delete` of a
 * missing element fails with "does not exist", which undo takes as done.
 */
import { execFile } from 'node:child_process';
import { isIP } from 'node:net';
import { z } from 'zod';
import { type ConnectorHandle, type ConnectorKind, type Operation, PermanentError } from '../connector.js';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,30}$/;
const Config = z.object({
  table: z.string().regex(NAME).default('breachdesk'),
  set4: z.string().regex(NAME).default('blocked_v4'),
  set6: z.string().regex(NAME).default('blocked_v6'),
  /** Run nft inside this network namespace (`ip netns exec`). */
  netns: z.string().regex(/^[A-Za-z0-9_.-]+$/).optional(),
});
type Config = z.infer<typeof Config>;

export interface NftHandle extends ConnectorHandle {
  nft(args: string[], input?: string): Promise<string>;
  config: Config;
}

async function connect(config: Config): Promise<NftHandle> {
  const nft = (args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const [cmd, argv] = config.netns ? ['ip', ['netns', 'exec', config.netns, 'nft', ...args]] : ['nft', args];
      const child = execFile(cmd, argv, { timeout: 15_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) reject(new PermanentError(`nft ${args.filter((a) => a !== '-j').slice(0, 3).join(' ')}: ${(stderr || err.message).trim().split('\n')[0]}`));
        else resolve(stdout);
      });
      if (input !== undefined) child.stdin?.end(input);
    });
  return { nft, config, close: async () => {} };
}

/** Our table, created once: the two sets and drop rules in both directions. */
async function ensureTable(h: NftHandle): Promise<void> {
  const { table, set4, set6 } = h.config;
  const exists = await h.nft(['-j', 'list', 'table', 'inet', table]).then(
    () => true,
    () => false,
  );
  if (exists) return;
  await h.nft(
    ['-f', '-'],
    `table inet ${table} {
  set ${set4} { type ipv4_addr; flags interval, timeout; comment "managed by breachdesk"; }
  set ${set6} { type ipv6_addr; flags interval, timeout; comment "managed by breachdesk"; }
  chain input { type filter hook input priority -10; policy accept; ip saddr @${set4} counter drop; ip6 saddr @${set6} counter drop; }
  chain output { type filter hook output priority -10; policy accept; ip daddr @${set4} counter drop; ip6 daddr @${set6} counter drop; }
  chain forward { type filter hook forward priority -10; policy accept; ip saddr @${set4} counter drop; ip daddr @${set4} counter drop; ip6 saddr @${set6} counter drop; ip6 daddr @${set6} counter drop; }
}
`,
  );
}

/** "10.0.0.0/8" or "10.0.0.1" → its canonical element text and the set it belongs in. */
function parseTarget(h: NftHandle, target: string): { key: string; set: string } {
  const [addr, len, ...rest] = target.split('/');
  const v = isIP(addr ?? '');
  const max = v === 4 ? 32 : 128;
  if (!v || rest.length || (len !== undefined && !(/^\d+$/.test(len) && Number(len) <= max))) throw new PermanentError(`"${target}" is not an IP address or CIDR`);
  const full = len === undefined || Number(len) === max;
  return { key: full ? addr! : `${addr}/${Number(len)}`, set: v === 4 ? h.config.set4 : h.config.set6 };
}

type Elem = { key: string; timeout: number | null; comment: string | null };

function toElem(e: unknown): Elem {
  const inner = (e as { elem?: Record<string, unknown> }).elem ?? null;
  const val = inner ? inner.val : e;
  const pfx = (val as { prefix?: { addr: string; len: number } })?.prefix;
  return { key: pfx ? `${pfx.addr}/${pfx.len}` : String(val), timeout: (inner?.timeout as number | undefined) ?? null, comment: (inner?.comment as string | undefined) ?? null };
}

async function elements(h: NftHandle, set: string): Promise<Elem[]> {
  let out: string;
  try {
    out = await h.nft(['-j', 'list', 'set', 'inet', h.config.table, set]);
  } catch {
    return []; // no table yet: nothing blocked
  }
  const items = (JSON.parse(out) as { nftables: Array<{ set?: { elem?: unknown[] } }> }).nftables;
  return (items.find((i) => i.set)?.set?.elem ?? []).map(toElem);
}

const Params = z
  .object({
    /** nft time, e.g. 1h, 30m, 7d. */
    timeout: z.string().regex(/^(\d+[dhms])+$/, 'an nft time like 1h, 30m or 7d').default('24h'),
    comment: z.string().max(100).optional(),
  })
  .strict();

const blockIp: Operation<NftHandle, z.infer<typeof Params>, { present: Elem | null }> = {
  name: 'block-ip',
  title: 'Block an address or CIDR (both directions, live connections too) with a timeout',
  target: 'IPv4/IPv6 address or CIDR',
  params: Params,
  reversible: true,
  approval: 'commander',
  async capture(h, t) {
    const { key, set } = parseTarget(h, t);
    return { present: (await elements(h, set)).find((e) => e.key === key) ?? null };
  },
  plan: (t, p, pre) => (pre.present ? [`${t} is already blocked: nothing changes`] : [`add ${t} to the blocked set, timeout ${p.timeout}, drop both directions`]),
  async apply(h, t, p, _pre, ctx) {
    const { key, set } = parseTarget(h, t);
    await ensureTable(h);
    const comment = (p.comment ?? ctx.label).replace(/["\\]/g, '').slice(0, 100);
    await h.nft(['add', 'element', 'inet', h.config.table, set, `{ ${key} timeout ${p.timeout} comment "${comment}" }`]);
    return `${key} blocked for ${p.timeout}`;
  },
  async verify(h, t) {
    const { key, set } = parseTarget(h, t);
    const e = (await elements(h, set)).find((x) => x.key === key);
    return { ok: !!e, observed: e ? `${key} in ${set}${e.comment ? ` ("${e.comment}")` : ''}` : `${key} not in ${set}` };
  },
  describeUndo: (t, _p, pre) => (pre.present ? `${t} stays blocked (it was before)` : `${t} unblocked`),
  async undo(h, t, _p, pre) {
    if (pre.present) return;
    const { key, set } = parseTarget(h, t);
    await h.nft(['delete', 'element', 'inet', h.config.table, set, `{ ${key} }`]).catch((e: Error) => {
      if (!/does not exist|No such file/.test(e.message)) throw e;
    });
  },
};

export const nftablesConnector: ConnectorKind<NftHandle, Config> = {
  kind: 'nftables',
  title: 'nftables (Linux firewall)',
  config: Config,
  secrets: [],
  operations: [blockIp],
  connect,
  async check(h) {
    const v = await h.nft(['--version']);
    await h.nft(['-j', 'list', 'tables']);
    return `${v.trim()}; ruleset readable${h.config.netns ? ` in netns ${h.config.netns}` : ''}`;
  },
};

/**
 * Internal address space (pure): RFC 1918, RFC 6598 shared space, loopback, link-local and
 * IPv6 ULA fd00::/8 by default (RITA's `internal_subnets`), or the caller's CIDRs. Only
 * internal → external pairs are scored (RITA `filter_external_to_internal`).
 */
import { BlockList, isIP } from 'node:net';

export const DEFAULT_INTERNAL = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', 'fd00::/8', 'fe80::/10', '::1/128'];

export function internalMatcher(cidrs: string[] = DEFAULT_INTERNAL): (ip: string) => boolean {
  const list = new BlockList();
  for (const c of cidrs) {
    const [net, bits] = c.split('/');
    const type = isIP(net ?? '') === 6 ? 'ipv6' : 'ipv4';
    if (!net || !isIP(net) || bits === undefined || !/^\d+$/.test(bits)) throw new Error(`internal network "${c}" is not a CIDR like 10.0.0.0/8`);
    list.addSubnet(net, Number(bits), type);
  }
  const cache = new Map<string, boolean>();
  return (ip) => {
    let r = cache.get(ip);
    if (r === undefined) {
      const v = isIP(ip);
      r = v !== 0 && list.check(ip, v === 6 ? 'ipv6' : 'ipv4');
      if (cache.size < 100_000) cache.set(ip, r);
    }
    return r;
  };
}

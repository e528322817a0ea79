/** Exact money amounts in minor units (cents): parsed from a decimal, summed per currency. */
import { BadInputError } from '../platform/errors.js';

export function toMinor(amount: number | string, field = 'amount'): number {
  const s = typeof amount === 'number' ? amount.toFixed(2) : amount.trim();
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new BadInputError(`${field}: "${amount}" is not a non-negative decimal with at most two places`);
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function fromMinor(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

/** currency → total, as decimal strings. */
export function totals(items: ReadonlyArray<{ amountMinor: number; currency: string }>): Record<string, string> {
  const sum = new Map<string, number>();
  for (const i of items) sum.set(i.currency, (sum.get(i.currency) ?? 0) + i.amountMinor);
  return Object.fromEntries([...sum].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, fromMinor(v)]));
}

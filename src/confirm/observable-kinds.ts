/**
 * Observables of a normalised alert, in the incident workspace's kinds and normal form (the
 * workspace's pure observables core decides what is valid, so both features agree).
 */
import type { ObservableKind } from '../incidents/incidents.schema.js';
import { normaliseObservable } from '../incidents/observables.js';
import type { NormalisedAlert } from './normalise/alert.js';

export type { ObservableKind };

export function observablesOf(a: NormalisedAlert): Array<{ kind: ObservableKind; value: string }> {
  const out = new Map<string, { kind: ObservableKind; value: string }>();
  const add = (kind: ObservableKind, vs: string[]) => {
    for (const v of vs) {
      try {
        const value = normaliseObservable(kind, v);
        out.set(`${kind}\u0000${value}`, { kind, value });
      } catch {
        // Not a valid value of that kind (a host name that is no domain, a truncated hash): not an observable.
      }
    }
  };
  add('ip', a.ips);
  add('domain', a.domains);
  add('url', a.urls);
  add('hash', a.hashes);
  add('email', a.emails);
  add('account', a.users);
  return [...out.values()];
}

/**
 * Ground truth of a generated corpus, recorded by the generator as it writes each record: which
 * elements a record really holds, whose record it is, and which jurisdictions it reveals.
 * People are counted by real identity (person ids); the generator makes every record that holds
 * a strong identifier also hold the person's e-mail, so identity is recoverable from the data.
 */
import type { ElementId } from '../../src/assessment/scanner/types.js';
import type { Person } from './persons.js';

const STRONG: ReadonlySet<ElementId> = new Set<ElementId>(['email', 'phone', 'payment_card', 'us_ssn', 'us_itin', 'national_id']);

export interface TruthRecord {
  file: string;
  index: number;
  elements: ElementId[];
  pid: number | null;
  codes: string[];
}

export class Truth {
  readonly records: TruthRecord[] = [];
  readonly secrets: Record<string, number> = {};
  /** pid → strong values the leak reveals for them ("email:x", "phone:+1…"). */
  readonly revealed = new Map<number, Set<string>>();
  customers = 0;
  customerPids: { pid: number; keys: string[] }[] = [];
  readonly #next = new Map<string, number>();

  record(file: string, elements: ElementId[], pid: number | null, codes: string[] = [], keys: string[] = []): void {
    const index = this.#next.get(file) ?? 0;
    this.#next.set(file, index + 1);
    this.records.push({ file, index, elements: [...new Set(elements)], pid, codes });
    if (pid !== null && elements.some((e) => STRONG.has(e))) {
      let set = this.revealed.get(pid);
      if (!set) {
        set = new Set();
        this.revealed.set(pid, set);
      }
      for (const k of keys) set.add(k);
    }
  }

  secret(type: string): void {
    this.secrets[type] = (this.secrets[type] ?? 0) + 1;
  }

  /** Distinct individuals and people per jurisdiction under the documented counting rule. */
  people(): { individuals: number; jurisdictions: Record<string, number> } {
    const byPid = new Map<number, Set<string>>();
    const standalone: Set<string>[] = [];
    for (const r of this.records) {
      const strong = r.elements.some((e) => STRONG.has(e));
      if (strong && r.pid !== null) {
        let set = byPid.get(r.pid);
        if (!set) {
          set = new Set();
          byPid.set(r.pid, set);
        }
        for (const c of r.codes) set.add(c);
      } else if (r.elements.includes('person_name')) {
        standalone.push(new Set(r.codes));
      }
    }
    const jurisdictions: Record<string, number> = { unknown: 0 };
    for (const codes of [...byPid.values(), ...standalone]) {
      const list = [...codes];
      const hasState = list.some((c) => c.startsWith('US-'));
      const final = list.filter((c) => !(hasState && c === 'US'));
      if (final.length === 0) jurisdictions.unknown++;
      for (const c of final) jurisdictions[c] = (jurisdictions[c] ?? 0) + 1;
    }
    return { individuals: byPid.size + standalone.length, jurisdictions };
  }

  /** Distinct leaked individuals that a customer row links to (same e-mail or phone). */
  matchedCustomers(): number {
    const matched = new Set<number>();
    for (const c of this.customerPids) {
      const revealed = this.revealed.get(c.pid);
      if (revealed && c.keys.some((k) => revealed.has(k))) matched.add(c.pid);
    }
    return matched.size;
  }
}

/** Keys of the strong values a record reveals (for customer matching truth). */
export const key = {
  email: (p: Person) => `email:${p.email}`,
  phone: (p: Person) => `phone:${p.phone}`,
};

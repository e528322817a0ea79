/**
 * The (customer row, person-record) pairs the people index's partitions find (people-group.ts),
 * sorted into customer rows, known rows (canaries) and the records they matched.
 */

/**
 * Known people other than customers (canary records, canaries.ts) share the customer rows' channel,
 * numbered from here: they are reported apart and never count as matched customers.
 */
export const KNOWN_ROW_BASE = 0x40000000;
/**
 * Added to a customer row's number for its phone (customers.ts): a phone keeps only the first
 * leaked record that holds it, which in a household is often another person. A row's phone match
 * counts only when none of its e-mail, card, ID or name + phone/birth date/address keys matched.
 */
export const CUSTOMER_BY_PHONE = 0x20000000;

export class CustomerMatches {
  readonly rows = new Set<number>();
  readonly knownRows = new Set<number>();
  readonly records: number[] = [];
  /** (customer row, record) pairs matched by the row's phone alone. */
  readonly #byPhone: number[] = [];

  /** One partition's pairs: row, record, row, record… */
  add(matches: Uint32Array): void {
    for (let i = 0; i < matches.length; i += 2) {
      const row = matches[i];
      if (row >= KNOWN_ROW_BASE) this.knownRows.add(row - KNOWN_ROW_BASE);
      else if (row >= CUSTOMER_BY_PHONE) this.#byPhone.push(row - CUSTOMER_BY_PHONE, matches[i + 1]);
      else {
        this.rows.add(row);
        this.records.push(matches[i + 1]);
      }
    }
  }

  /** After every partition: the phone matches of the rows that nothing else matched. */
  finish(): void {
    const byOwnKeys = new Set(this.rows);
    const p = this.#byPhone;
    for (let i = 0; i < p.length; i += 2) {
      if (byOwnKeys.has(p[i])) continue;
      this.rows.add(p[i]);
      this.records.push(p[i + 1]);
    }
  }
}

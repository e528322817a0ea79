/**
 * Which row of a table is its header (csv.Sniffer-style votes), and the column-name words that
 * tell a header from data; used by the CSV and XLSX readers and by the `.txt` table sniff
 * (sniff.ts). Split from sniff.ts unchanged.
 */
const DATA_LIKE = /@|^\s*[-+]?[\d.,\s/:$€£()-]+\s*$|^https?:|^\d{4}-\d{2}-\d{2}/;

function kind(v: string): 'empty' | 'data' | 'text' {
  if (v.trim() === '') return 'empty';
  return DATA_LIKE.test(v) ? 'data' : 'text';
}

/** Common column-name words (en, de, fr, es, it, nl, pt) used only to break ties in looksLikeHeader. */
export const HEADER_WORD =
  /(?:^|[_\s.-])(?:id|name|names|first|last|full|email|e-mail|mail|phone|tel|mobile|address|street|city|zip|postcode|country|state|user|username|login|password|pass|date|dob|birth|created|updated|gender|title|notes?|comment|description|type|status|nom|prenom|prénom|adresse|ville|pays|nombre|apellido|direccion|dirección|ciudad|nome|cognome|indirizzo|naam|straat|plaats|vorname|nachname|strasse|straße|ort|telefon|telefono|teléfono|morada)(?:$|[_\s.-])/i;

/**
 * Is `rows[0]` a header? In the spirit of Python's csv.Sniffer.has_header: a header has no empty
 * or data-shaped cells (numbers, e-mails, dates); each column votes for it when its values
 * are data-shaped or the cell is a column-name word or snake_case, against it when a value repeats
 * the cell. (The Sniffer's "constant length" vote is left out: it calls `Ann,Lee` a header.)
 */
export function looksLikeHeader(rows: (string | null)[][]): boolean {
  const head = rows[0];
  if (!head || head.length === 0) return false;
  // Repeated names do occur in real exports ("Address", "Address"); columnNames() suffixes them.
  for (const cell of head) {
    const v = (cell ?? '').trim();
    if (v === '' || v.length > 64 || kind(v) === 'data') return false;
  }
  const data = rows.slice(1, 51);
  if (data.length === 0) return head.some((c) => HEADER_WORD.test(c ?? ''));
  let votes = 0;
  for (let j = 0; j < head.length; j++) {
    const h = (head[j] ?? '').trim();
    const vals = data.map((r) => (r[j] ?? '').trim()).filter((v) => v !== '');
    if (vals.length === 0) continue;
    const dataShare = vals.filter((v) => kind(v) === 'data').length / vals.length;
    if (dataShare >= 0.5) {
      votes++;
      continue;
    }
    // Text column: a header names the column (known word or snake_case); a data row repeats values.
    if (HEADER_WORD.test(h) || /^[\p{Ll}][\p{Ll}\d]*(?:_[\p{Ll}\d]+)+$/u.test(h)) votes++;
    else if (vals.some((v) => v.toLowerCase() === h.toLowerCase())) votes--;
  }
  return votes > 0;
}

/** Rows a title, a date or a note may take above a table's header in a report export. */
const MAX_PREAMBLE_ROWS = 10;
const filled = (r: (string | null)[]) => {
  let n = 0;
  for (const c of r) if (c != null && c.trim() !== '') n++;
  return n;
};

/**
 * Which row is the header: 0 when the first row is (looksLikeHeader), k > 0 when rows 0…k−1 are a
 * preamble — a title or an export date above the table (`Customer export 2024-01-01`, blank
 * cells, then `name,email,phone`) — and −1 for none. A preamble row fills at most one cell, or
 * fewer than half the header's; the header below it passes looksLikeHeader and most rows under it
 * fill more cells than any preamble row. Before, such a file had no header at all: its columns
 * were `column_1…`, read without the names a header gives (a `name` column's people were missed).
 */
export function findHeaderRow(rows: (string | null)[][]): number {
  if (rows.length === 0) return -1;
  if (looksLikeHeader(rows)) return 0;
  let before = filled(rows[0]);
  for (let k = 1; k <= Math.min(MAX_PREAMBLE_ROWS, rows.length - 2); k++) {
    const w = filled(rows[k]);
    if (w >= 2 && before < w && (before <= 1 || before * 2 < w)) {
      const below = rows.slice(k + 1, k + 51);
      const wide = below.filter((r) => filled(r) > before).length;
      if (wide >= 0.8 * below.length && looksLikeHeader(rows.slice(k))) return k;
    }
    before = Math.max(before, w);
  }
  return -1;
}

/**
 * A headed, CRLF CSV of people with checksum-valid identifiers (SSN, card), e-mails shared by every
 * 7th row (linked people) and one quoted row at `quotedRow`: big enough (≈ 110 bytes a row) to be
 * read in several 1 MiB chunks, so the reader's raw-block path (readers/csv-block.ts) and its
 * ordinary path both run on it.
 */
import { writeFileSync } from 'node:fs';

function luhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export function writeDenseCsv(file: string, rows: number, quotedRow = 500): void {
  const names = ['Ann Lee', 'Bob Stone', 'Chloé Martin', 'Dieter Müller'];
  const lines = ['id,name,email,phone,ssn,card_number,date_of_birth,note,state'];
  for (let i = 0; i < rows; i++) {
    const ssn = `${String(100 + (i % 600)).padStart(3, '0')}-${String(10 + (i % 80)).padStart(2, '0')}-${String(1000 + (i % 9000)).padStart(4, '0')}`;
    const email = `user${i % 7 === 0 ? 0 : i}@example.com`;
    const note = i === quotedRow ? '"said ""hi"", left"' : 'none';
    lines.push(
      `${i},${names[i % 4]},${email},+1 212-555-${String(i % 10000).padStart(4, '0')},${ssn},${luhn(`411111${String(i).padStart(9, '0')}`)},199${i % 10}-0${1 + (i % 9)}-1${i % 10},${note},CA`,
    );
  }
  writeFileSync(file, lines.join('\r\n'));
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from './scan.js';

/**
 * Columns are classified from a sample of the first rows, and a column the sample gives no class
 * used to be left unread: a rare e-mail or token further down a `ref` column, or every token of a
 * small file whose header row was taken for data (its values then fail the sample's rate), were
 * silently missed. Every column is read now (ColumnClass.residual); these run the real readers and
 * detectors in this thread and in worker threads.
 */
describe('scan: columns the sample gave no class are still read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-residual-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  // Valid-looking credentials of fixed shape (not placeholders): GitHub classic token, AWS key id.
  const GH = 'ghp_5437880aff3c6de333f0c0c43def31f0300e';
  const AWS = 'AKIAZ7VRSQ5TJBFE1234';

  for (const workers of [0, 2]) {
    it(`a small file whose header is not recognised still gives its tokens (workers ${workers})`, async () => {
      const p = write(`tokens-${workers}.csv`, `service,owner,secret\nci,ops,${GH}\nbuild,dev,${AWS}\n`);
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      expect(Object.keys(report.secrets).sort()).toEqual(['aws_access_key_id', 'github_token']);
    });

    it(`rare e-mails and a token deep in a reference column are found; its order numbers are not phones (workers ${workers})`, async () => {
      const rows = ['id,ref,amount,misc'];
      for (let i = 0; i < 3000; i++) {
        let ref = `${4155550000 + i}`;
        if (i === 2000 || i === 2500) ref = `jane.roe${i}@gmail.com`;
        if (i === 2700) ref = GH;
        rows.push(`${i},${ref},${(i * 3.5).toFixed(2)},${i === 2900 ? 'contact: sam.poe@yahoo.com' : 'n/a'}`);
      }
      const p = write(`refs-${workers}.csv`, `${rows.join('\n')}\n`);
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      expect(report.elements.email?.records).toBe(3);
      expect(Object.keys(report.secrets)).toEqual(['github_token']);
      // The ten-digit references look like US phone numbers: a reference column is read for
      // e-mail addresses and credentials only.
      expect(report.elements.phone).toBeUndefined();
      expect(report.totals.records).toBe(3000);
    });
  }
});

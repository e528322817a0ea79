import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from './scan.js';

/**
 * Leak shapes found missed by an outside review (docs/scan-json.md, "Outside review"): each runs
 * the real readers and detectors, in this thread and in worker threads.
 */
describe('scan: leak shapes from the outside review', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-probes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  for (const workers of [0, 2]) {
    it(`a percent-encoded address in a URL column is found (workers ${workers})`, async () => {
      const p = write(`urls-${workers}.csv`, 'id,url\n1,https://shop.example/cb?email=jane.roe%40example.org&x=1\n2,/signup?e=john.poe%40gmail.com\n');
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      expect(report.elements.email?.distinctValues).toBe(2);
      expect(report.totals.individuals).toBe(2);
    });

    it(`a header under a title and an export date (CSV and XLSX) names its columns: the names are found (workers ${workers})`, async () => {
      const people = [
        ['Jane Roe', 'jane.roe@example.org'],
        ['John Poe', 'john.poe@gmail.com'],
        ['Mary Smith', 'mary.smith@yahoo.com'],
      ];
      const csv = write(`export-${workers}.csv`, `ACME customer export\nGenerated 2024-01-01 by ops\n\nname,email\n${people.map((r) => r.join(',')).join('\n')}\n`);
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Customers');
      sheet.addRow(['ACME customer export']);
      sheet.addRow([]);
      sheet.addRow(['Full name', 'E-mail']);
      for (const r of people) sheet.addRow(r);
      const xlsx = join(dir, `export-${workers}.xlsx`);
      writeFileSync(xlsx, Buffer.from(await wb.xlsx.writeBuffer()));
      for (const p of [csv, xlsx]) {
        const { report } = await scan({ paths: [p], workers, tmpDir: dir });
        expect(report.elements.person_name?.distinctValues).toBe(3);
        expect(report.elements.email?.distinctValues).toBe(3);
        expect(report.totals.individuals).toBe(3);
        expect(report.columns.map((c) => c.element).sort()).toEqual(['email', 'person_name']);
      }
    });

    it(`names in a column no header names (a CSV without a header, an INSERT without a column list) are found and link by name + phone (workers ${workers})`, async () => {
      const people = ['James Smith', 'Mary Johnson', 'Robert Brown', 'Patricia Davis', 'Jennifer Lopez', 'Michael Wilson', 'Linda Thomas', 'David Miller'];
      const phone = (i: number) => `+1 415 555 ${String(100 + i).padStart(4, '0')}`;
      const csv = write(`noheader-${workers}.csv`, `${people.map((n, i) => `${n},${phone(i)},ok`).join('\n')}\n`);
      const sql = write(`noheader-${workers}.sql`, `${people.map((n, i) => `INSERT INTO kunden VALUES (${i},'${n}','${phone(i)}');`).join('\n')}\n`);
      const { report } = await scan({ paths: [csv, sql], workers, tmpDir: dir });
      expect(report.elements.person_name?.distinctValues).toBe(8);
      expect(report.elements.person_name?.records).toBe(16);
      // The same name and phone in both files: one person each, not two.
      expect(report.totals.individuals).toBe(8);
    });

    it(`a JSON export keyed by user id (Firebase) is one record per user, not one person (workers ${workers})`, async () => {
      const users: Record<string, unknown> = {};
      for (let i = 0; i < 30; i++) users[`uid${1000 + i}`] = { name: `Person ${i}`, email: `person${i}@example.org`, profile: { phone: `+1 415 555 ${String(100 + i).padStart(4, '0')}` } };
      const p = write(`firebase-${workers}.json`, JSON.stringify({ users }));
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      expect(report.totals.records).toBe(30);
      expect(report.elements.email?.distinctValues).toBe(30);
      expect(report.elements.phone?.records).toBe(30);
      expect(report.totals.individuals).toBe(30);
    });

    it(`an e-mail column's display-name and multi-address cells give their addresses (workers ${workers})`, async () => {
      const rows = ['name,email', 'Jane Roe,"Jane Roe <jane.roe@example.org>"', 'John Poe,"john.poe@gmail.com; jp@work.com"'];
      for (let i = 0; i < 20; i++) rows.push(`Person ${i},person${i}@example.net`);
      const p = write(`mails-${workers}.csv`, `${rows.join('\n')}\n`);
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      expect(report.elements.email?.records).toBe(22);
      expect(report.elements.email?.distinctValues).toBe(23);
    });

    it(`one person with a sub-addressed e-mail in one file and the bare one in another is one individual; a customer row matches (workers ${workers})`, async () => {
      const a = write(`tag-a-${workers}.csv`, 'name,email\nJane Roe,Jane.Roe+news@example.org\nJohn Poe,john.poe@gmail.com\n');
      const b = write(`tag-b-${workers}.csv`, 'name,email\nJane Roe,jane.roe@example.org\n');
      // The CRM holds her under yet another tag: matched by her mailbox.
      const customers = write(`tag-customers-${workers}.csv`, 'name,email\nJane Roe,jane.roe+crm@example.org\n');
      const { report } = await scan({ paths: [a, b], workers, tmpDir: dir, customers });
      expect(report.totals.individuals).toBe(2);
      expect(report.elements.email?.distinctValues).toBe(2);
      expect(report.matching.matched).toBe(1);
    });

    it(`an AWS credentials file and a .pypirc (INI sections) are read as text: their keys are found (workers ${workers})`, async () => {
      const secret = 'q7Rk2Lw9Zp4Vt1Xs8Nc3Hb6Jm5Fd0Gy+Ea/Ui2Oo';
      const creds = write(`credentials-${workers}`, `[default]\naws_access_key_id = AKIAQ3EGRTLHW7PJ5NXV\naws_secret_access_key = ${secret}\nregion = eu-west-1\n`);
      const pypirc = write(`pypirc-${workers}`, '[distutils]\nindex-servers = private\n\n[private]\nusername = deploy\npassword = Tq8vXe2LmZ4rNp7Ks1Wd\n');
      // A log whose lines open with a bracketed timestamp is no JSON array either.
      const log = write(`bracket-${workers}`, '[2024-01-01 10:00:00] INFO login user=jane.roe@example.org\n');
      const { report } = await scan({ paths: [creds, pypirc, log], workers, tmpDir: dir });
      expect(report.files.map((f) => f.format)).toEqual(['text', 'text', 'text']);
      expect(report.secrets.aws_access_key_id?.count).toBe(1);
      expect(report.secrets.aws_secret_access_key?.count).toBe(1);
      expect(report.secrets.generic_secret?.count).toBe(1);
      expect(report.elements.email?.distinctValues).toBe(1);
    });

    it(`an AWS key pair in a JSON cell or log line is two credentials, each once; a key file's token_uri is none (workers ${workers})`, async () => {
      const secret = 'q7Rk2Lw9Zp4Vt1Xs8Nc3Hb6Jm5Fd0Gy+Ea/Ui2Oo';
      const pair = `{"AccessKeyId":"AKIAQ3EGRTLHW7PJ5NXV","SecretAccessKey":"${secret}"}`;
      // The column is sampled as aws_access_key_id: before, only the key id of each cell was read.
      const csv = write(`aws-${workers}.csv`, `id,config\n1,"${pair.replaceAll('"', '""')}"\n`);
      // In free text the secret key was also a generic secret by its key name: counted twice.
      const log = write(`aws-${workers}.log`, `2024-01-01 created ${pair}\n`);
      const { report } = await scan({ paths: [csv, log], workers, tmpDir: dir });
      expect(report.secrets.aws_access_key_id?.count).toBe(2);
      expect(report.secrets.aws_secret_access_key?.count).toBe(2);
      expect(report.secrets.generic_secret).toBeUndefined();
      const sa = write(`sa-${workers}.json`, JSON.stringify({ type: 'service_account', project_id: 'p', client_email: 'ci@p.iam.gserviceaccount.com', token_uri: 'https://oauth2.googleapis.com/token' }));
      expect((await scan({ paths: [sa], workers, tmpDir: dir })).report.secrets).toEqual({});
    });

    it(`a Docker config.json parsed as JSON and HTTP Basic/Bearer credentials in an access log are found (workers ${workers})`, async () => {
      const b64 = (s: string) => Buffer.from(s).toString('base64');
      const config = write(
        `config-${workers}.json`,
        JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: b64('ci:Tq8vXe2LmZ4rNp7Ks1Wd') }, 'registry.example.com': { auth: b64('deploy:W3rT9pLq2ZxV7mKc') }, 'ghcr.io': { auth: b64('user:password') } } }),
      );
      const log = write(
        `access-${workers}.log`,
        [
          `10.0.0.1 - - "GET /api" 200 Authorization: Basic ${b64('admin:Hq7vXe2LmZ4rNp7K')}`,
          '10.0.0.2 - - "GET /api" 200 Authorization: Bearer 8f3kQz9LmV2xR7tP4wY1cN6hJ0dS5gA2',
          // Prose and base64 of JSON are no credentials.
          `We offer basic information; Basic ${b64('{"a":1}')}`,
        ].join('\n'),
      );
      const { report } = await scan({ paths: [config, log], workers, tmpDir: dir });
      // The placeholder `user:password` entry is not counted.
      expect(report.secrets.container_registry_auth?.count).toBe(2);
      expect(report.secrets.generic_secret?.count).toBe(2);
      expect(report.secrets.generic_secret?.providers).toEqual({ http: 1, generic: 1 });
    });

    it(`the name column of an integrations table or a deploy key's JSON names no person (workers ${workers})`, async () => {
      const sql = write(
        `integrations-${workers}.sql`,
        "CREATE TABLE `connectors` (`id` int, `name` varchar(50), `owner_email` varchar(100));\nINSERT INTO `connectors` VALUES (1,'stripe','jane.roe@example.org'),(2,'github-app','jane.roe@example.org'),(3,'aws_prod',NULL);\n",
      );
      const json = write(`deploy-${workers}.json`, JSON.stringify([{ name: 'deploy-bot', host: 'web1' }]));
      const { report } = await scan({ paths: [sql, json], workers, tmpDir: dir });
      expect(report.elements.person_name).toBeUndefined();
      // The owner is one person; the connectors and the bot are no one.
      expect(report.totals.individuals).toBe(1);
    });

    it(`a German PLZ, a UK and a Canadian postcode and a province code give the right country (and province), not a US state (workers ${workers})`, async () => {
      const de = write(
        `kunden-${workers}.csv`,
        'Name;E-Mail;Telefon;PLZ;Ort\nJürgen Müller;juergen@example.de;+49 30 1234567;10115;Berlin\nGöran Şahin;goeran@example.de;0171 2345678;80331;München\n',
      );
      const intl = write(
        `intl-${workers}.csv`,
        'name,email,province,postcode\nAmelia Clarke,amelia@example.co.uk,,SW1A 2AA\nLiam Tremblay,liam@example.ca,QC,\nMia Davis,mia@example.com,WA,98109\n',
      );
      const { report } = await scan({ paths: [de, intl], workers, tmpDir: dir });
      expect(report.jurisdictions).toEqual({ DE: 2, GB: 1, 'CA-QC': 1, 'US-WA': 1, unknown: 0 });
    });

    it(`one malformed record of a JSON export (a stray quote) costs that record, not every record after it (workers ${workers})`, async () => {
      const rows = Array.from({ length: 50 }, (_, i) => ({ name: `Person ${i}`, email: `p${i}@example.org` }));
      const oneLine = JSON.stringify(rows).replace('"p20@', '"p20@"x');
      const pretty = JSON.stringify(rows, null, 2).replace('"p20@', '"p20@"x');
      for (const [name, text] of [['one-line', oneLine], ['pretty', pretty]]) {
        const p = write(`broken-${name}-${workers}.json`, text);
        const { report } = await scan({ paths: [p], workers, tmpDir: dir });
        expect(report.totals.records).toBe(49);
        expect(report.totals.individuals).toBe(49);
        expect(report.files[0].errors.map((e) => e.message)).toEqual([expect.stringMatching(/^malformed JSON record 21 .*reading on/)]);
      }
      // A file cut off inside its last record is still reported as truncated.
      const cut = JSON.stringify(rows, null, 1);
      const p = write(`cut-${workers}.json`, cut.slice(0, cut.length / 2));
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      expect(report.files[0].errors.map((e) => e.message)).toEqual([expect.stringMatching(/truncated/)]);
    });

    it(`a customer sharing a household phone is matched to the leaked record with the customer's own name (workers ${workers})`, async () => {
      // Jane and John Roe share the family phone; only Jane's record has an e-mail.
      const leak = write(`family-${workers}.csv`, 'name,email,phone\nJane Roe,jane@example.org,+1 415 555 0132\nJohn Roe,,+1 415 555 0132\n');
      const crm = write(`family-crm-${workers}.csv`, 'name,email,phone\nJohn Roe,,(415) 555-0132\nJ. Roe,jane@example.org,\n');
      const { report, matchedCustomers } = await scan({ paths: [leak], workers, tmpDir: dir, customers: crm });
      expect(report.totals.individuals).toBe(2);
      // Before: John's row found the phone's first record (Jane), so John was never matched.
      expect(report.matching).toEqual({ customers: 2, matched: 2, unmatched: 0 });
      expect(matchedCustomers.map((c) => c.location)).toEqual(['line 2', 'line 3']);
      // A phone-only customer row still matches by the phone.
      const byPhone = write(`family-crm-phone-${workers}.csv`, 'phone,plan\n(415) 555-0132,gold\n');
      expect((await scan({ paths: [leak], workers, tmpDir: dir, customers: byPhone })).report.matching.matched).toBe(1);
    });

    it(`an Excel CSV in Windows-1252 keeps Š, Ž and “ ”: its people link to the same people in UTF-8 (workers ${workers})`, async () => {
      // Windows-1252 bytes: Š = 0x8A, Ž = 0x8E, “ ” = 0x93 0x94 (ISO 8859-1 has C1 controls there).
      const cp1252 = (s: string) => Buffer.from([...s].map((c) => ({ Š: 0x8a, Ž: 0x8e, '“': 0x93, '”': 0x94 })[c] ?? c.charCodeAt(0)));
      const csv = join(dir, `excel-${workers}.csv`);
      writeFileSync(csv, cp1252('name,phone,city\r\nŠárka Nováková,+420 601 234 567,“Brno”\r\nŽofie Černá,+420 602 345 678,Praha\r\n'.replace('Č', 'C')));
      const nd = write(`crm-${workers}.ndjson`, '{"name":"Šárka Nováková","phone":"+420601234567"}\n{"name":"Žofie Cerná","phone":"+420 602 345 678"}\n');
      const { report, rawSamples } = await scan({ paths: [csv, nd], workers, tmpDir: dir, rawSamples: true });
      expect(rawSamples?.person_name).toEqual(['Šárka Nováková', 'Žofie Cerná']);
      // One person each (name + phone), not four.
      expect(report.totals.individuals).toBe(2);
    });

    it(`filler e-mails (noemail@noemail.com, none@none.com, no@email.com) make no one the same person (workers ${workers})`, async () => {
      const fill = ['noemail@noemail.com', 'NOEMAIL@NOEMAIL.COM', 'none@none.com', 'none@none.com', 'no@email.com', 'na@na.com', 'jane.roe@example.org', 'jane.roe@example.org'];
      const names = ['Alice Hart', 'Ben Ode', 'Carl Dee', 'Dana Fox', 'Eve Gray', 'Fay Hill', 'Jane Roe', 'Jane Roe'];
      const rows = names.map((n, i) => `${n},${fill[i]},+1 212 555 01${String(i).padStart(2, '0')}`);
      const p = write(`filler-${workers}.csv`, `name,email,phone\n${rows.join('\n')}\n`);
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      // Six people with filler addresses and Jane twice (her real address links her rows).
      expect(report.totals.individuals).toBe(7);
      expect(report.elements.email?.distinctValues).toBe(1);
    });

    it(`Guest, Anonymous and Test User rows of a name column are no one; the real names are read (workers ${workers})`, async () => {
      const p = write(`guests-${workers}.csv`, 'name,city\nGuest,Berlin\nGuest,Paris\nAnonymous,Rome\nTest User,Oslo\nJane Roe,Lyon\nGuest,Lima\n');
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      expect(report.elements.person_name?.distinctValues).toBe(1);
      expect(report.totals.individuals).toBe(1);
    });

    it(`an address in one column gives its state, province or country (workers ${workers})`, async () => {
      const p = write(
        `mailing-${workers}.csv`,
        [
          'customer,email,mailing_address',
          'Amelia Clarke,amelia@example.co.uk,"10 Downing Street, London SW1A 2AA, United Kingdom"',
          'Liam Tremblay,liam@example.ca,"1200 Rue Sainte-Catherine, Montréal, QC H3B 1K9"',
          'Mia Davis,mia@example.com,"400 Broad St, Seattle, WA 98109"',
          'Hans Weber,hans@example.de,"Hauptstraße 5, 10115 Berlin, Germany"',
        ].join('\n'),
      );
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      expect(report.jurisdictions).toEqual({ GB: 1, 'CA-QC': 1, 'US-WA': 1, DE: 1, unknown: 0 });
    });
  }
});

import { describe, expect, it } from 'vitest';
import { findHeaderRow, looksLikeHeader, sniffDelimiter, sniffEncoding, sniffFormat } from './sniff.js';
import { makeZip } from './testing.js';

const b = (s: string) => Buffer.from(s);

/** An application's CSV log: a header, ISO times, quoted messages with commas and doubled quotes. */
const CSV_LOG = [
  'timestamp,level,user_email,client_ip,message',
  '2024-03-01T10:00:00Z,INFO,jane.doe@example.org,203.0.113.5,"Login ok"',
  '2024-03-01T10:00:02Z,WARN,john.roe@example.com,198.51.100.7,"Password, reset"',
  '2024-03-01T10:00:09Z,INFO,mary.poe@example.net,192.0.2.44,"Said ""hi"" to support"',
  '2024-03-01T10:01:00Z,ERROR,ann.lee@example.org,203.0.113.9,"Card declined, retry"',
  '2024-03-01T10:02:00Z,INFO,bob.ray@example.com,198.51.100.8,Logout',
].join('\n');
/** Apache combined log lines (quoted request, referrer and agent between spaces; commas in the agent). */
const ACCESS_LOG = Array.from({ length: 8 }, (_, i) => `203.0.113.${i} - jane [10/Oct/2024:13:55:3${i} -0700] "GET /a?x=1,2 HTTP/1.1" 200 2326 "https://ex.example/" "Mozilla/5.0 (X11; Linux x86_64) Gecko, like Safari"`).join('\n');

/** Text after `tag`, tab-aligned to column 24 as vim's help files align it (8-column tab stops). */
const aligned = (tag: string, text: string) => `${tag}${'\t'.repeat(Math.max(1, 3 - Math.floor(tag.length / 8)))}${text}`;
const TAGS = ['tutor', ':quit', 'initialization', 'vimrc-intro', 'suspend', 'usr_11.txt', '07.4', 'usr_07.txt', '23.4', 'usr_24.txt', 'deleting', 'usr_04.txt', '04.5', 'usr_25.txt', '30.6', '30.2', '25.3', 'usr_26.txt', '02.5', 'usr_27.txt', 'usr_28.txt'];
/** The shape of vim's `howto.txt` (a title, then `|tag|` links with tab-aligned descriptions). */
const VIM_HELP = [
  '*howto.txt*\tFor Vim version 9.0.  Last change: 2006 Apr 02',
  '',
  '\t\t  VIM REFERENCE MANUAL\t  by Bram Moolenaar',
  '',
  'How to ...\t\t\t\t*howdoi* *how-do-i* *howto* *how-to*',
  '',
  ...[...TAGS, ...TAGS].map((t, i) => aligned(`|${t}|`, `how to do thing number ${i + 1}`)),
].join('\n');

describe('sniffFormat', () => {
  it.each([
    ['x.csv', 'a,b\n1,2\n', 'csv'],
    ['x.csv', 'a\tb\n1\t2\n', 'tsv'],
    ['x.tsv', 'a;b\n1;2\n', 'csv'],
    ['x.tsv', 'single\ncolumn\n', 'tsv'],
    ['x.txt', 'hello world\n', 'text'],
    ['x.log', 'a,b\n1,2\n', 'text'],
    // Outside review 4: a `.log` an application writes as CSV, with a header and RFC 4180 quotes, is
    // a table; access logs, syslog, header-less CSV lines and stray quotes stay text.
    ['audit.log', CSV_LOG, 'csv'],
    ['audit.log', CSV_LOG.split('\n').slice(1).join('\n'), 'text'],
    ['audit.log', CSV_LOG.replace('"Password, reset"', 'Password "reset"'), 'text'],
    ['access.log', ACCESS_LOG, 'text'],
    ['syslog.log', 'Dec  8 02:17:01 host CRON[123]: (root) CMD (run-parts, hourly)\n'.repeat(8), 'text'],
    // A `.txt` that is strictly a table (mysql -B, INTO OUTFILE, an export dialog) is one.
    ['x.txt', 'id|name|email|state\n1|Ann Lee|ann@x.com|OH\n2|Bob Ray|bob@y.org|TX\n3|Cy Do|cy@z.net|CA\n4|Di Li|di@w.io|WA\n', 'csv'],
    ['x.txt', '1\tAnn Lee\tann@x.com\tOH\n2\tBob Ray\tbob@y.org\tTX\n3\tCy\tcy@z.net\tCA\n4\tDi\tdi@w.io\tWA\n5\tEd\ted@v.eu\tNY\n', 'tsv'],
    ['x.txt', 'name,email\nAnn,ann@x.com\nBob,bob@y.org\nCy,cy@z.net\nDi,di@w.io\n', 'csv'],
    // …and not when it is only nearly regular, too short, or two columns without a header.
    ['x.txt', 'a,b,c\n1,2,3\n', 'text'],
    ['x.txt', 'Lee, Ann\nRay, Bob\nDo, Cy\nLi, Di\nAx, Ed\n', 'text'],
    ['x.txt', 'Dear Ann, thank you, truly.\nWe met, talked, and left.\nIt rained, a lot.\nThen, at last, sun.\nFine, fine, fine, fine.\nBye.\n', 'text'],
    // Outside review 4: tabs that align text are no table (a vim help file's `|tag|\t\tdescription`
    // lines were a `|`-delimited CSV; prose under a hanging tab indent a TSV)…
    ['howto.txt', VIM_HELP, 'text'],
    ['x.txt', 'CTRL-N\t\tcommand-line completion\nCTRL-P\t\tcommand-line completion\nCTRL-_\t\ta - switch between Hebrew and English\n\t\tprivate to the command-line and not\n\t\trelated to hkmap.\nCTRL-A\t\tcommand-line completion\nCTRL-L\t\tcommand-line completion\n', 'text'],
    // …while a real TSV with runs of empty fields stays one (the shape of PostgreSQL's sql_features.txt).
    ['sql_features.txt', 'B011\tEmbedded Ada\t\t\tNO\t\nB012\tEmbedded C\t\t\tYES\t\nB013\tEmbedded COBOL\t\t\tNO\t\nE011\tNumeric data types\t\t\tYES\t\nE011\tNumeric data types\t01\tINTEGER and SMALLINT data types\tYES\t\nE011\tNumeric data types\t02\tREAL and DOUBLE PRECISION data types\tYES\t\nF031\tBasic schema manipulation\t\t\tYES\tsee notes\n', 'tsv'],
    ['x.txt', '\tAnn\tLee\tann@x.com\tOH\nMr\tBob\tRay\tbob@y.org\tTX\n\tCy\tDo\tcy@z.net\tCA\n\tDi\tLi\tdi@w.io\tWA\nDr\tEd\tAx\ted@v.eu\tNY\n', 'tsv'],
    ['noext', 'id;name\n1;Ann\n2;Bob\n', 'csv'],
    ['noext', 'just some prose, with a comma\nand another line\n', 'text'],
    ['x.json', '[{"a":1}]', 'json'],
    ['x.json', '{"a":1}\n{"a":2}\n', 'ndjson'],
    ['x.json', '{\n  "users": []\n}', 'json'],
    ['x.json', '{"users":[{"a":1}]}', 'json'],
    ['noext', '{"a":1}\n{"a":2}\n', 'ndjson'],
    ['x.jsonl', '{"a":1}\n', 'ndjson'],
    ['dump', '-- MySQL dump 10.13\nCREATE TABLE `t` (`a` int);\n', 'sql'],
    ['x.sql', 'anything', 'sql'],
    ['noext', '[\n  {"a": 1}\n]', 'json'],
    ['noext', '[1, 2]', 'json'],
    ['noext', '[[1], ["x"]]', 'json'],
    ['credentials', '[default]\naws_access_key_id = AKIA…\n', 'text'],
    ['.pypirc', '[distutils]\nindex-servers = pypi\n', 'text'],
    ['cfg', '[[servers]]\nname = "a"\n', 'text'],
    ['app', '[2024-01-01 10:00:00] INFO started\n', 'text'],
  ])('%s %j → %s', (name, text, format) => {
    expect(sniffFormat(name, b(text))).toBe(format);
  });

  it('recognises containers and binaries by magic bytes', () => {
    expect(sniffFormat('a.bin', makeZip([{ name: 'x', data: 'y' }]))).toBe('zip');
    expect(sniffFormat('a.xlsx', makeZip([{ name: 'x', data: 'y' }]))).toBe('xlsx');
    expect(sniffFormat('noext', makeZip([{ name: '[Content_Types].xml', data: '' }, { name: 'xl/workbook.xml', data: '' }]))).toBe('xlsx');
    // A zip that holds a stored workbook is a zip: the workbook's names are inside its member.
    const book = makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }]);
    expect(sniffFormat('noext', makeZip([{ name: 'book.xlsx', data: book }, { name: 'people.csv', data: 'email\na@example.com\n' }]))).toBe('zip');
    // A streaming writer's workbook: the first entry's size is in a data descriptor (bit 3).
    const streamed = makeZip([{ name: 'docProps/app.xml', data: '<Properties/>', deflate: true }, { name: '[Content_Types].xml', data: '<Types/>' }]);
    streamed.writeUInt16LE(0x808, 6);
    streamed.writeUInt32LE(0, 18);
    expect(sniffFormat('noext', streamed)).toBe('xlsx');
    expect(sniffFormat('a.csv', Buffer.from([0x1f, 0x8b, 8, 0]))).toBe('gzip');
    const tar = Buffer.alloc(512);
    tar.write('ustar', 257, 'latin1');
    expect(sniffFormat('a', tar)).toBe('tar');
    expect(sniffFormat('a.csv', Buffer.from([1, 2, 3, 0, 5, 6]))).toBe('binary');
  });
});

describe('sniffEncoding', () => {
  it('detects BOMs, BOM-less UTF-16, UTF-8 and Latin-1', () => {
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf8-bom');
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toBe('utf16le');
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toBe('utf16be');
    expect(sniffEncoding(Buffer.from('a,b\n1,2\n', 'utf16le'))).toBe('utf16le');
    expect(sniffEncoding(b('Zürich'))).toBe('utf8');
    // a multi-byte character cut at the end of the head is still UTF-8
    expect(sniffEncoding(b('Zürich €').subarray(0, 10))).toBe('utf8');
    expect(sniffEncoding(Buffer.from('Zürich', 'latin1'))).toBe('latin1');
  });
});

describe('sniffDelimiter', () => {
  it('prefers the consistent delimiter and ignores quoted ones', () => {
    expect(sniffDelimiter('a;b;c\n"x,y";2;3\n"z,w";4;5\n')).toBe(';');
    expect(sniffDelimiter('a|b\n1|2\n')).toBe('|');
    expect(sniffDelimiter('no delimiters here\nnone\n')).toBeNull();
  });
});

describe('looksLikeHeader', () => {
  it.each([
    [[['id', 'email'], ['1', 'a@example.com']], true],
    [[['1', 'a@example.com'], ['2', 'b@example.com']], false],
    [[['first_name', 'last_name'], ['Ann', 'Lee'], ['Bob', 'Smith']], true],
    [[['Nom', 'Ville'], ['Renée', 'Besançon']], true],
    [[['Ann', 'Lee'], ['Bob', 'Smith']], false],
    [[['name', ''], ['Ann', 'x']], false],
    [[['Address', 'Address'], ['1 Main St', '2 High St']], true],
    [[['a', 'b'], ['c', 'd']], false],
  ])('%j → %s', (rows, expected) => {
    expect(looksLikeHeader(rows)).toBe(expected);
  });
});

describe('findHeaderRow', () => {
  const split = (lines: string[]) => lines.map((l) => l.split(','));
  const data = ['Jane Roe,jane.roe@example.org,+1 415 555 0134', 'John Poe,john.poe@gmail.com,+1 212 555 0199', 'Ann Lee,ann@example.net,+1 646 555 0101'];
  it.each<[string, string[], number]>([
    ['a header on the first row', ['name,email,phone', ...data], 0],
    ['a title and an export date above the header', ['ACME customer export', 'Generated 2024-01-01,,', 'name,email,phone', ...data], 2],
    ['a title padded with empty cells (Excel)', ['Customers,,', 'name,email,phone', ...data], 1],
    ['no header at all', data, -1],
    ['no header, first row short', ['Jane Roe', ...data], -1],
    ['a row as wide as the table above a header-like row is data, not a preamble', ['Sam Poe,sam@example.com,+1 415 555 0100', 'name,email,phone', ...data], -1],
  ])('%s', (_what, lines, k) => {
    expect(findHeaderRow(split(lines))).toBe(k);
  });
});

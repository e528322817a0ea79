/**
 * XLSX (ECMA-376 SpreadsheetML) read from a file with yauzl (random access, so the shared strings
 * are read first whatever the zip order) and a streaming XML tokenizer: one table per sheet, named
 * after the sheet; first row a header when looksLikeHeader says so. Every part goes through the
 * zip-bomb guard. exceljs's streaming reader was used first but hangs forever on some corrupt
 * workbooks (a flipped byte in a deflated part stalls its forward-only unzip), which hostile input
 * must never do.
 */
import { StringDecoder } from 'node:string_decoder';
import type yauzl from 'yauzl';
import { bombGuard } from './archive-guard.js';
import { RowBatcher } from './csv-reader.js';
import type { BodyEvent, ErrorEvent, ReadContext } from './reader-context.js';
import { errorEvent } from './reader-context.js';
import { findHeaderRow } from './sniff.js';
import { MAX_CELL_CHARS, SharedStrings, xlsxFast, parseDateStyles, parseWorkbook, serialToIsoDate } from './xlsx-parts.js';
import { XmlScanner, attr, decodeEntities } from './xml-scanner.js';
import { type ZipInput, openZipInput } from './spool-file.js';
import { openZipEntry } from './zip-entry.js';

const HEADER_SAMPLE = 20;
const MAX_SMALL_PART = 32 * 1024 * 1024;
/** Shared strings kept in memory (the 512 MB process budget of issue 4); the rest read as empty. */
const MAX_SST_CHARS = 64 * 1024 * 1024;
/** A part's bytes (deflated parts inflated in 256 KiB chunks, sizes checked as yauzl does). */
async function* partBytes(zf: yauzl.ZipFile, e: yauzl.Entry, file: ZipInput): AsyncGenerator<Buffer> {
  const bytes = await openZipEntry(zf, e, file);
  try {
    yield* bytes.chunks;
  } finally {
    bytes.destroy();
  }
}

/**
 * `<c r="B2" s="1" t="s"><v>12</v></c>`: a cell whose attributes are exactly r, then optionally s
 * and t, in that order, with plain values, and whose only content is one `<v>`. The general path
 * reads it the same way (open c, open v, one text, close v, close c), with ≈ 5 tag tokens and 3
 * attribute RegExps a cell.
 */
const CELL = /<c r="([A-Z]{1,3})[1-9][0-9]*"(?: s="([0-9]{1,9})")?(?: t="([a-zA-Z]{1,9})")?><v>([^<]*)<\/v><\/c>/y;

/** `AB12` → 27 (0-based column index). */
function colIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

async function openZip(file: ZipInput): Promise<{ zf: yauzl.ZipFile; entries: Map<string, yauzl.Entry> }> {
  const zf = await openZipInput(file, { lazyEntries: true, decodeStrings: false, autoClose: false });
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((res, rej) => {
    zf.on('entry', (e: yauzl.Entry) => {
      entries.set((e.fileName as unknown as Buffer).toString('utf8'), e);
      zf.readEntry();
    });
    zf.once('end', () => res());
    zf.once('error', rej);
    zf.readEntry();
  });
  return { zf, entries };
}

export async function* readXlsx(path: string, file: ZipInput, ctx: ReadContext): AsyncGenerator<BodyEvent> {
  const { zf, entries } = await openZip(file);
  const partText = async function* (name: string): AsyncGenerator<string> {
    const e = entries.get(name);
    if (!e) return;
    const notes: ErrorEvent[] = [];
    const dec = new StringDecoder('utf8');
    for await (const c of bombGuard(partBytes(zf, e, file), { path: `${path}!/${name}`, notes }, ctx, () => e.compressedSize)) yield dec.write(c);
    yield dec.end();
    if (notes.length) throw new Error(`part ${name} stopped: ${notes[0].message}`);
  };
  const smallPart = async (name: string): Promise<string> => {
    let s = '';
    for await (const t of partText(name)) {
      s += t;
      if (s.length > MAX_SMALL_PART) throw new Error(`part ${name} larger than ${MAX_SMALL_PART} bytes`);
    }
    return s;
  };
  try {
    const { sheets, date1904 } = parseWorkbook(await smallPart('xl/workbook.xml'), await smallPart('xl/_rels/workbook.xml.rels'));
    if (sheets.length === 0) {
      yield errorEvent(path, 'XLSX has no readable worksheets', 'workbook');
      return;
    }
    const dateStyles = parseDateStyles(await smallPart('xl/styles.xml'));
    const sst = new SharedStrings(MAX_SST_CHARS);
    for await (const t of partText('xl/sharedStrings.xml')) {
      if (!sst.scanner.feed(t)) throw new Error('malformed shared strings XML');
    }
    if (sst.truncated) yield errorEvent(path, `shared strings beyond ${MAX_SST_CHARS} characters were read as empty`, 'sharedStrings');
    for (const sheet of sheets) yield* readSheet(path, sheet.name, partText(sheet.part), sst, dateStyles, date1904);
  } finally {
    zf.close();
  }
}

/** One worksheet's rows as batches (exported for tests). */
export async function* readSheet(
  path: string,
  name: string,
  text: AsyncIterable<string>,
  sst: Pick<SharedStrings, 'at'> | string[],
  dateStyles: boolean[],
  date1904: boolean,
): AsyncGenerator<BodyEvent> {
  const batch = new RowBatcher(path, name, 'row');
  let sample: { r: (string | null)[]; n: number }[] | null = [];
  const decide = () => {
    const s = sample ?? [];
    sample = null;
    const k = findHeaderRow(s.map((x) => x.r));
    // A title or note above the header: its own batch, read as unknown columns.
    for (let i = 0; i < k; i++) batch.add(s[i].r, s[i].n);
    batch.flush();
    if (k >= 0) batch.header = s[k].r.map((c) => c ?? '');
    const start = k + 1;
    for (let i = start; i < s.length; i++) batch.add(s[i].r, s[i].n);
  };
  let row: (string | null)[] | null = null;
  let rowNo = 0;
  let col = -1;
  let type = '';
  let style = 0;
  let inV = false;
  let inT = false;
  let buf: string[] = [];
  let bufLen = 0;
  const put = (v: string | null) => {
    if (!row || col < 0 || col > 16_383) return; // XLSX has at most 16,384 columns (XFD)
    while (row.length < col) row.push(null);
    row[col] = v;
  };
  /** A cell's decoded text → its value in the row, by the cell's type and style. */
  const cell = (raw: string) => {
    if (type === 's') {
      const i = Number(raw);
      put((Number.isInteger(i) && i >= 0 ? sst.at(i) : undefined) ?? null);
    }
    else if (type === 'inlineStr' || type === 'str' || type === 'd') put(raw);
    else if (type === 'b') put(raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : null);
    else if (type === 'e' || raw === '') put(null);
    else put(dateStyles[style] ? (serialToIsoDate(Number(raw), date1904) ?? raw) : raw);
  };
  const fast = xlsxFast.on
    ? (s: string, lt: number): number => {
        if (row === null || s.charCodeAt(lt + 1) !== 99 /* c */) return -1;
        CELL.lastIndex = lt;
        const m = CELL.exec(s);
        if (m === null) return -1;
        // What open c, open v, text, close v and close c leave behind on the general path.
        col = colIndex(m[1]);
        type = m[3] ?? 'n';
        style = m[2] === undefined ? 0 : Number(m[2]);
        inV = false;
        inT = false;
        buf = [];
        bufLen = m[4].length;
        cell(decodeEntities(m[4]));
        return CELL.lastIndex;
      }
    : undefined;
  const sc = new XmlScanner(
    {
      fast,
      open: (tag, attrs, self) => {
        if (tag === 'row') {
          const r = Number(attr(attrs, 'r'));
          rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
          row = [];
          col = -1;
          if (self) row = null;
        } else if (tag === 'c' && row) {
          const ref = attr(attrs, 'r');
          col = ref ? colIndex(ref) : col + 1;
          type = attr(attrs, 't') ?? 'n';
          style = Number(attr(attrs, 's') ?? 0);
          buf = [];
          bufLen = 0;
        } else if (tag === 'v' && !self) inV = true;
        else if (tag === 't' && !self && type === 'inlineStr') inT = true;
      },
      close: (tag) => {
        if (tag === 'v' || tag === 't') {
          inV = false;
          inT = false;
        } else if (tag === 'c' && row) {
          const raw = decodeEntities(buf.join(''));
          buf = [];
          cell(raw);
        } else if (tag === 'row' && row) {
          const r = row;
          row = null;
          if (r.length === 0) return;
          if (sample) {
            sample.push({ r, n: rowNo });
            if (sample.length >= HEADER_SAMPLE) decide();
          } else batch.add(r, rowNo);
        }
      },
      text: (t) => {
        if ((inV || inT) && bufLen < MAX_CELL_CHARS) {
          buf.push(t);
          bufLen += t.length;
        }
      },
    },
    1024 * 1024,
  );
  for await (const t of text) {
    if (!sc.feed(t)) {
      yield errorEvent(path, `sheet ${name}: malformed XML; rest of sheet skipped`, `sheet ${name} row ${rowNo}`);
      break;
    }
    if (batch.ready.length) yield* batch.ready.splice(0);
  }
  if (sample) decide();
  batch.flush();
  yield* batch.ready.splice(0);
}

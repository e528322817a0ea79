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
import { HeaderSample, readSheetBlocks } from './xlsx-blocks.js';
import { parseDateStyles, parseWorkbook } from './xlsx-parts.js';
import { SharedStrings } from './xlsx-shared-strings.js';
import { SheetRows, type SstLookup } from './xlsx-sheet.js';
import { type ZipInput, openZipInput } from './spool-file.js';
import { openZipEntry } from './zip-entry.js';

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
  /** A part's bytes, through the zip-bomb guard; a part the guard stopped is an error. */
  const partChunks = async function* (name: string): AsyncGenerator<Buffer> {
    const e = entries.get(name);
    if (!e) return;
    const notes: ErrorEvent[] = [];
    yield* bombGuard(partBytes(zf, e, file), { path: `${path}!/${name}`, notes }, ctx, () => e.compressedSize);
    if (notes.length) throw new Error(`part ${name} stopped: ${notes[0].message}`);
  };
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
    for await (const c of partChunks('xl/sharedStrings.xml')) {
      if (!sst.feedBytes(c)) throw new Error('malformed shared strings XML');
    }
    if (!sst.endBytes()) throw new Error('malformed shared strings XML');
    if (sst.truncated) yield errorEvent(path, `shared strings beyond ${MAX_SST_CHARS} characters were read as empty`, 'sharedStrings');
    // Sheets in blocks for the detection threads when the scan asks for them and the table fits
    // in shared memory (xlsx-blocks.ts); else parsed here.
    const handle = ctx.xlsxBlocks ? sst.handle() : null;
    for (const sheet of sheets) {
      if (handle) yield* readSheetBlocks(path, sheet.name, partChunks(sheet.part), { sst, handle, dateStyles, date1904 });
      else yield* readSheet(path, sheet.name, partText(sheet.part), sst, dateStyles, date1904);
    }
  } finally {
    zf.close();
  }
}

/** One worksheet's rows as batches, parsed on this thread (exported for tests). */
export async function* readSheet(
  path: string,
  name: string,
  text: AsyncIterable<string>,
  sst: SstLookup,
  dateStyles: boolean[],
  date1904: boolean,
): AsyncGenerator<BodyEvent> {
  const batch = new RowBatcher(path, name, 'row');
  const head = new HeaderSample(batch);
  const sc = new SheetRows(sst, dateStyles, date1904, (r, n) => head.add(r, n));
  for await (const t of text) {
    if (!sc.feed(t)) {
      yield errorEvent(path, `sheet ${name}: malformed XML; rest of sheet skipped`, `sheet ${name} row ${sc.rowNo}`);
      break;
    }
    if (batch.ready.length) yield* batch.ready.splice(0);
  }
  head.end();
  batch.flush();
  yield* batch.ready.splice(0);
}

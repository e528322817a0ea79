/**
 * A zip entry's bytes, shared by the archive reader (zip members) and the XLSX reader (parts).
 * Deflated entries are inflated here rather than by yauzl: yauzl inflates with zlib's default
 * 16 KiB chunks, so a 63 MB sheet or a 40 MB CSV member came out in thousands of chunks, each a
 * stream hop, a Buffer, a string and a chunk boundary for the parser downstream. Here: 256 KiB
 * (issue 21). yauzl's `validateEntrySizes` check is kept, with its messages (dispatch.ts names
 * 'too many bytes in the stream' for what it is); stored, encrypted and empty (0 compressed
 * bytes) entries are opened by yauzl as before.
 */
import { type Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type yauzl from 'yauzl';
import { type ZipInput, rangeStream } from './spool-file.js';

/** Inflated bytes per chunk (16 KiB → 256 KiB: ≈ 16× fewer chunks). */
export const INFLATE_CHUNK = 256 * 1024;

export interface ZipEntryBytes {
  chunks: AsyncGenerator<Buffer>;
  /** Releases the raw stream (and inflater) even when `chunks` was never iterated. */
  destroy(): void;
}

/**
 * Opens an entry of the zip at `file`, a real file or an encrypted spool (rejects as yauzl's `openReadStream` does: bad local header,
 * data past the end of the file, unsupported method); its bytes then come from `chunks`, which
 * throws on a deflated entry that inflates to more or fewer bytes than its declared size. A
 * deflated entry's compressed bytes are read from the file in 256 KiB pieces too: yauzl's reader
 * reads 16 KiB at a time through three streams, and zlib emits output per input piece, so with
 * yauzl's raw stream a 2.5:1 CSV still came out in ≈ 40 KiB chunks.
 */
export async function openZipEntry(zf: yauzl.ZipFile, e: yauzl.Entry, file: ZipInput): Promise<ZipEntryBytes> {
  if (e.compressionMethod !== 8 || e.isEncrypted() || e.compressedSize === 0) {
    const raw = await new Promise<Readable>((res, rej) => zf.openReadStream(e, (err, s) => (err || !s ? rej(err) : res(s))));
    return { chunks: rawChunks(raw), destroy: () => raw.destroy() };
  }
  // The local header's checks (signature, data within the file's bounds) as openReadStream makes them.
  const { fileDataStart } = await zf.readLocalFileHeaderPromise(e, { minimal: true });
  const raw = rangeStream(file, fileDataStart, fileDataStart + e.compressedSize - 1, INFLATE_CHUNK);
  const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK });
  const destroy = () => {
    raw.destroy();
    inflate.destroy();
  };
  return { chunks: inflated(pipeline(raw, inflate, () => {}), e.uncompressedSize, destroy), destroy };
}
async function* rawChunks(raw: Readable): AsyncGenerator<Buffer> {
  try {
    yield* raw;
  } finally {
    raw.destroy();
  }
}

async function* inflated(out: AsyncIterable<Buffer>, size: number, destroy: () => void): AsyncGenerator<Buffer> {
  let n = 0;
  try {
    for await (const c of out) {
      n += c.length;
      if (n > size) throw new Error(`too many bytes in the stream. expected ${size}. got at least ${n}`);
      yield c;
    }
  } finally {
    destroy();
  }
  if (n < size) throw new Error(`not enough bytes in the stream. expected ${size}. got only ${n}`);
}

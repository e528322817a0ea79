/**
 * Safety wrappers for bytes coming out of archives: a zip-bomb guard (compression ratio and total
 * expanded bytes per top-level archive), member-name sanitising (never used to write anywhere; only
 * for display), a detachable iterator so a container can drain a member its reader stopped early,
 * and spooling a nested zip (which needs random access) to a capped temp file, encrypted at rest
 * (spool-file.ts).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadContext, Source } from './reader-context.js';
import { errorEvent } from './reader-context.js';
import { newSpoolKey, spoolCipher } from '../../../platform/crypto/spool-cipher.js';
import type { SpoolFile } from './spool-file.js';

/** Below this many expanded bytes the ratio is not judged (tiny repetitive files compress > 200:1). */
const RATIO_FLOOR = 1024 * 1024;
/** Most bytes written to disk for one nested zip. */
export const MAX_SPOOL_BYTES = 1024 ** 3;

/**
 * Pass chunks through while the member's expanded/compressed ratio and the archive's expanded total
 * stay under the limits; otherwise note why and end the member early.
 */
export async function* bombGuard(
  chunks: AsyncIterable<Buffer>,
  src: Pick<Source, 'path' | 'notes'>,
  ctx: ReadContext,
  compressed: () => number,
): AsyncGenerator<Buffer> {
  const { maxCompressionRatio, maxArchiveBytes } = ctx.limits;
  let out = 0;
  for await (const c of chunks) {
    out += c.length;
    ctx.archive.bytes += c.length;
    const comp = compressed();
    if (out > RATIO_FLOOR && comp > 0 && out / comp > maxCompressionRatio) {
      src.notes.push(
        errorEvent(
          src.path,
          `compression ratio above maxCompressionRatio (${maxCompressionRatio}:1) after ${out} expanded bytes; member not read further (zip bomb?)`,
          `byte ${out}`,
        ),
      );
      return;
    }
    if (ctx.archive.bytes > maxArchiveBytes) {
      ctx.archive.exhausted = true;
      src.notes.push(
        errorEvent(src.path, `archive expands beyond maxArchiveBytes (${maxArchiveBytes}); reading stopped (zip bomb?)`, `byte ${out}`),
      );
      return;
    }
    yield c;
  }
}

/**
 * Display-safe member name: backslashes to `/`, drive letters, leading `/` and `..`/`.` segments
 * removed. `unsafe` says the original would escape the extraction root (a path-traversal attempt).
 */
export function safeMemberName(raw: string): { name: string; unsafe: boolean } {
  // Control characters (NUL, ESC…) would corrupt terminals and logs: shown as `?`.
  const norm = raw.replace(/\\/g, '/').replace(/[\x00-\x1f\x7f]/g, '?');
  const parts = norm.replace(/^[a-zA-Z]:/, '').split('/');
  const unsafe = /^[a-zA-Z]:/.test(norm) || norm.startsWith('/') || parts.includes('..');
  const kept = parts.filter((p) => p !== '' && p !== '.' && p !== '..');
  return { name: kept.join('/') || '(unnamed)', unsafe };
}

/** An iterable view whose early `return()` leaves the underlying iterator open, plus a drain. */
export function detachable<T>(src: AsyncIterable<T>): { view: AsyncIterable<T>; drain: () => Promise<void> } {
  const it = src[Symbol.asyncIterator]();
  let done = false;
  const view: AsyncIterable<T> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        const r = await it.next();
        if (r.done) done = true;
        return r;
      },
      return: async () => ({ done: true, value: undefined }),
    }),
  };
  const drain = async () => {
    while (!done) {
      const r = await it.next();
      if (r.done) done = true;
    }
  };
  return { view, drain };
}

/**
 * Write a stream to a private temp file, at most `cap` bytes, as ciphertext under a key made for it
 * (platform/crypto/spool-cipher.ts). Returns the file (with its key, for openZipInput/rangeStream) and a cleanup, or
 * null (after cleanup) when the cap was hit.
 */
export async function spool(chunks: AsyncIterable<Buffer>, cap: number): Promise<{ file: SpoolFile; cleanup: () => Promise<void> } | null> {
  const dir = await mkdtemp(join(tmpdir(), 'breachdesk-spool-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'member.bin');
  const out = createWriteStream(path, { mode: 0o600 });
  const { key, iv } = newSpoolKey();
  const cipher = spoolCipher({ key, iv });
  let n = 0;
  try {
    for await (const c of chunks) {
      n += c.length;
      if (n > cap) {
        out.destroy();
        await cleanup();
        return null;
      }
      if (!out.write(cipher.update(c))) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((res, rej) => {
      out.once('error', rej);
      out.end(() => res());
    });
  } catch (e) {
    out.destroy();
    await cleanup();
    throw e;
  }
  return { file: { path, size: n, key, iv }, cleanup };
}

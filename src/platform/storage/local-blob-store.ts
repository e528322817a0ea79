/**
 * Blobs in the data directory (the default): written to `<dir>/.partial/` and renamed into place
 * once flushed, so a crashed or refused upload never leaves a file under its key.
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobFile, BlobStore } from './blob-store.js';

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;

  constructor(private readonly root: string) {}

  private path(key: string): string {
    return join(this.root, key);
  }

  async put(key: string, body: Readable): Promise<void> {
    const final = this.path(key);
    const partialDir = join(dirname(final), '.partial');
    mkdirSync(partialDir, { recursive: true, mode: 0o700 });
    const partial = join(partialDir, `${basename(final)}.part`);
    try {
      // flush: the bytes are on disk before the caller commits a row that names them.
      await pipeline(body, createWriteStream(partial, { mode: 0o600, flags: 'wx', flush: true }));
      await rename(partial, final);
    } catch (e) {
      await rm(partial, { force: true });
      throw e;
    }
  }

  async open(key: string): Promise<BlobFile> {
    const fh = await open(this.path(key), 'r');
    const size = (await fh.stat()).size;
    return {
      size,
      read: async (buf, position) => (await fh.read(buf, 0, buf.length, position)).bytesRead,
      close: () => fh.close(),
    };
  }

  async stream(key: string): Promise<Readable> {
    return createReadStream(this.path(key));
  }

  async *list(prefix: string): AsyncIterable<string> {
    const walk = async function* (dir: string): AsyncGenerator<string> {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name === '.partial') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) yield* walk(p);
        else if (e.isFile()) yield p;
      }
    };
    for await (const p of walk(this.path(prefix))) yield relative(this.root, p);
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  close(): void {}
}

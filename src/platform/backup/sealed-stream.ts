/**
 * The backup file's encryption: a stream of AES-256-GCM chunks under a key derived from the
 * master key (HKDF-SHA256, RFC 5869, with a random salt per backup).
 *
 * Layout: the line `BDBACKUP1` and one JSON header line (salt, masterKeyId, created), then
 * chunks of [4-byte big-endian length][12-byte nonce][ciphertext + 16-byte tag]. Each chunk's
 * additional data binds the header, its index and whether it is the last (the STREAM
 * construction of Hoang, Reyhanitabar, Rogaway and Vizár, 2015), so chunks cannot be reordered,
 * dropped or the file truncated without the restore noticing.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BadInputError } from '../errors.js';

const MAGIC = 'BDBACKUP1\n';
const CHUNK = 1 << 20;
const TAG = 16;
const NONCE = 12;

export interface BackupHeader {
  format: 1;
  salt: string;
  masterKeyId: string;
  createdAt: string;
}

function deriveKey(master: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, salt, 'breachdesk backup v1', 32));
}

function aad(header: string, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index));
  tail[8] = last ? 1 : 0;
  return Buffer.concat([Buffer.from(header), tail]);
}

/** Encrypts a byte stream into the backup format. */
export function sealStream(master: Buffer, masterKeyId: string): Transform {
  const salt = randomBytes(32);
  const header = JSON.stringify({ format: 1, salt: salt.toString('base64'), masterKeyId, createdAt: new Date().toISOString() } satisfies BackupHeader);
  const key = deriveKey(master, salt);
  let pending: Buffer[] = [];
  let size = 0;
  let index = 0;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const nonce = randomBytes(NONCE);
    const c = createCipheriv('aes-256-gcm', key, nonce);
    c.setAAD(aad(header, index++, last));
    const body = Buffer.concat([nonce, c.update(plain), c.final(), c.getAuthTag()]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    return Buffer.concat([len, body]);
  };
  return new Transform({
    construct(cb) {
      this.push(`${MAGIC}${header}\n`);
      cb();
    },
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      pending.push(chunk);
      size += chunk.length;
      while (size > CHUNK) {
        const all = Buffer.concat(pending);
        this.push(seal(all.subarray(0, CHUNK), false));
        pending = [all.subarray(CHUNK)];
        size = pending[0]!.length;
      }
      cb();
    },
    flush(cb) {
      this.push(seal(Buffer.concat(pending), true));
      cb();
    },
  });
}

/**
 * Decrypts the backup format. `keyFor` gets the header (to say which master key is needed) and
 * returns the master key or throws a clear error.
 */
export function openStream(keyFor: (h: BackupHeader) => Buffer): Transform {
  let buf: Buffer = Buffer.alloc(0);
  let header: string | null = null;
  let key: Buffer | null = null;
  let index = 0;
  let ended = false;
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      try {
        if (header === null) {
          const nl = buf.indexOf(10, MAGIC.length);
          if (buf.length >= MAGIC.length && buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new BadInputError('not a Breachdesk backup (no BDBACKUP1 header)');
          if (nl < 0) {
            if (buf.length > 4096) throw new BadInputError('not a Breachdesk backup (header too long)');
            return cb();
          }
          header = buf.subarray(MAGIC.length, nl).toString();
          let h: BackupHeader;
          try {
            h = JSON.parse(header) as BackupHeader;
          } catch {
            throw new BadInputError('damaged backup: unreadable header');
          }
          key = deriveKey(keyFor(h), Buffer.from(h.salt, 'base64'));
          buf = buf.subarray(nl + 1);
        }
        while (buf.length >= 4) {
          const len = buf.readUInt32BE(0);
          if (len < NONCE + TAG || len > CHUNK + NONCE + TAG) throw new BadInputError('damaged backup: bad chunk length');
          if (buf.length < 4 + len) break;
          const body = buf.subarray(4, 4 + len);
          buf = buf.subarray(4 + len);
          if (ended) throw new BadInputError('damaged backup: data after the last chunk');
          // The last flag is not stored: try "not last" first, then "last" — only one authenticates.
          const plain = tryOpen(key!, header, index, body, false) ?? tryOpen(key!, header, index, body, true);
          if (!plain) throw new BadInputError(`damaged backup or wrong master key: chunk ${index} does not authenticate`);
          ended = plain.last;
          index++;
          this.push(plain.data);
        }
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
    flush(cb) {
      if (header === null) return cb(new BadInputError('not a Breachdesk backup (empty or no header)'));
      if (!ended || buf.length > 0) return cb(new BadInputError('damaged backup: the file is truncated'));
      cb();
    },
  });
}

function tryOpen(key: Buffer, header: string, index: number, body: Buffer, last: boolean): { data: Buffer; last: boolean } | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, body.subarray(0, NONCE));
    d.setAAD(aad(header, index, last));
    d.setAuthTag(body.subarray(body.length - TAG));
    return { data: Buffer.concat([d.update(body.subarray(NONCE, body.length - TAG)), d.final()]), last };
  } catch {
    return null;
  }
}

/**
 * Envelope encryption (NIST SP 800-38D AES-256-GCM) and HMAC-SHA256 blind indexes.
 *
 * A master key (KEK) from BREACHDESK_MASTER_KEY or a 0600 key file wraps random data keys
 * (DEKs) stored in `data_keys`. Values are encrypted under the active DEK; the blind-index key
 * is a separate DEK so that lookups never need the plaintext and rotating the master key only
 * re-wraps the DEKs (no data re-encryption, no downtime: running servers keep their unwrapped
 * DEKs in memory and new ones unwrap with the new master key).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { randomChunk } from './random-pool.js';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { FailedError } from '../errors.js';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';

/** Where the master key file lives (DESIGN §4: created on first run with mode 0600). */
export function masterKeyFile(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'master.key');
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

export interface MasterKey {
  id: string;
  key: Buffer;
}

/** Stable id of a master key (not secret: a hash prefix), recorded with each wrapped DEK. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update('breachdesk-kek-id').update(key).digest('hex').slice(0, 16);
}

export function aesGcmEncrypt(key: Buffer, plaintext: Buffer, aad?: Buffer): Buffer {
  // A random 96-bit nonce per encryption (NIST SP 800-38D §8.2.2), from the pooled CSPRNG output.
  const iv = randomChunk(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function aesGcmDecrypt(key: Buffer, blob: Buffer, aad?: Buffer): Buffer {
  const iv = blob.subarray(0, IV_BYTES);
  const tag = blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/**
 * Reads the master key: the configured one, else the key file (created with mode 0600 on
 * first run). The file holds the key as base64 on one line.
 */
export function loadMasterKey(configured: Buffer | null, keyFile: string, opts: { storeHasKeys?: boolean } = {}): MasterKey {
  if (configured) return { id: masterKeyId(configured), key: configured };
  if (!existsSync(keyFile)) {
    // A new key could decrypt nothing already stored, and would leave the operator believing the
    // store opened (issue 19 §5): with data, a missing key is an error to fix, never to paper over.
    if (opts.storeHasKeys) {
      throw new FailedError(
        `the master key file ${keyFile} is missing (not found) and BREACHDESK_MASTER_KEY is unset, but the store holds encrypted data: restore the key file from where you keep it apart (docs/backup.md) or set BREACHDESK_MASTER_KEY; no new key was created`,
      );
    }
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return { id: masterKeyId(key), key };
  }
  const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new FailedError(`master key file ${keyFile} does not hold a 32-byte base64 key`);
  return { id: masterKeyId(key), key };
}

/** Replaces the key file atomically (write, fsync by rename) keeping mode 0600. */
export function writeMasterKeyFile(keyFile: string, key: Buffer): void {
  const tmp = `${keyFile}.new`;
  writeFileSync(tmp, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, keyFile);
}

export class Keyring {
  private dataKeys = new Map<string, Buffer>();
  private activeDataKeyId = '';
  private indexKey: Buffer = Buffer.alloc(0);

  private constructor(
    private readonly db: Kysely<Database>,
    private master: MasterKey,
  ) {}

  /** Loads (or creates on first run) the data keys under the master key. */
  static async open(db: Kysely<Database>, master: MasterKey): Promise<Keyring> {
    const ring = new Keyring(db, master);
    await ring.load();
    return ring;
  }

  private async load(): Promise<void> {
    let rows = await this.db.selectFrom('data_keys').selectAll().execute();
    if (!rows.some((r) => r.purpose === 'data' && r.active === 1) || !rows.some((r) => r.purpose === 'blind-index')) {
      await this.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('data_keys').select(['purpose', 'active']).execute();
        const now = new Date().toISOString();
        for (const purpose of ['data', 'blind-index']) {
          if (existing.some((r) => r.purpose === purpose && r.active === 1)) continue;
          await trx
            .insertInto('data_keys')
            .values({
              id: randomUUID(),
              purpose,
              wrapped_key: this.wrap(randomBytes(32)),
              master_key_id: this.master.id,
              created_at: now,
              active: 1,
            })
            .execute();
        }
      });
      rows = await this.db.selectFrom('data_keys').selectAll().execute();
    }
    for (const r of rows) {
      if (r.master_key_id !== this.master.id) {
        throw new FailedError(
          `data key ${r.id} is wrapped by master key ${r.master_key_id}, but the configured master key is ${this.master.id}: wrong BREACHDESK_MASTER_KEY or key file`,
        );
      }
      const key = this.unwrap(r.wrapped_key);
      if (r.purpose === 'blind-index') this.indexKey = key;
      else {
        this.dataKeys.set(r.id, key);
        if (r.active === 1) this.activeDataKeyId = r.id;
      }
    }
  }

  private wrap(dek: Buffer, master: MasterKey = this.master): string {
    return aesGcmEncrypt(master.key, dek, Buffer.from('breachdesk-dek')).toString('base64');
  }

  private unwrap(wrapped: string): Buffer {
    try {
      return aesGcmDecrypt(this.master.key, Buffer.from(wrapped, 'base64'), Buffer.from('breachdesk-dek'));
    } catch {
      throw new FailedError('a data key cannot be unwrapped with the configured master key (wrong key?)');
    }
  }

  get masterKeyId(): string {
    return this.master.id;
  }

  /** Encrypts a string; the result names its data key so old keys keep decrypting. */
  encrypt(plaintext: string, context = ''): string {
    const key = this.dataKeys.get(this.activeDataKeyId)!;
    const blob = aesGcmEncrypt(key, Buffer.from(plaintext, 'utf8'), Buffer.from(context));
    return `${FORMAT}:${this.activeDataKeyId}:${blob.toString('base64')}`;
  }

  decrypt(ciphertext: string, context = ''): string {
    const [format, keyId, body] = ciphertext.split(':');
    const key = keyId ? this.dataKeys.get(keyId) : undefined;
    if (format !== FORMAT || !key || body === undefined) throw new FailedError('encrypted value has an unknown format or key');
    try {
      return aesGcmDecrypt(key, Buffer.from(body, 'base64'), Buffer.from(context)).toString('utf8');
    } catch {
      throw new FailedError('encrypted value failed authentication (altered or wrong context)');
    }
  }

  encryptJson(value: unknown, context = ''): string {
    return this.encrypt(JSON.stringify(value), context);
  }

  decryptJson<T>(ciphertext: string, context = ''): T {
    return JSON.parse(this.decrypt(ciphertext, context)) as T;
  }

  /**
   * Deterministic HMAC-SHA256 blind index of a normalised value, namespaced by kind so the
   * same digits as an SSN and as a phone number do not collide.
   */
  blindIndex(kind: string, normalisedValue: string): string {
    return createHmac('sha256', this.indexKey).update(kind).update('\u0000').update(normalisedValue).digest('base64url');
  }

  /** The raw blind-index key for worker threads that compute indexes in bulk (never logged). */
  blindIndexKey(): Buffer {
    return Buffer.from(this.indexKey);
  }

  /**
   * Re-wraps every data key under a new master key, in one transaction. Values are not
   * touched. Returns how many keys were re-wrapped.
   */
  async rotateMasterKey(next: MasterKey): Promise<number> {
    const rows = await this.db.selectFrom('data_keys').selectAll().execute();
    await this.db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const dek = this.unwrap(r.wrapped_key);
        await trx
          .updateTable('data_keys')
          .set({ wrapped_key: this.wrap(dek, next), master_key_id: next.id })
          .where('id', '=', r.id)
          .where('master_key_id', '=', this.master.id)
          .execute();
      }
    });
    this.master = next;
    return rows.length;
  }
}

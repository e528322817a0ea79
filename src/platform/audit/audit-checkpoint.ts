/**
 * The audit chain's head, anchored outside the database it protects (issue 19 §5).
 *
 * `audit_head` shows removed tail events only to someone who cannot rewrite it; an attacker with
 * write access to the database can delete the newest events and set the head to the new last
 * event. The checkpoint file records the committed head (sequence and hash) with a MAC under a
 * key that the database alone does not give (a data key, unwrapped only with the master key, so
 * rotating the master key does not invalidate it). `verify-audit` then requires the chain to reach
 * the checkpoint's event with the same hash. Threat model: docs/security.md.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
}

export type Mac = (data: string) => string;

const macInput = (c: Checkpoint) => `breachdesk-audit-checkpoint\n${c.seq}\n${c.hash}\n${c.at}`;

export class AuditCheckpoint {
  constructor(
    readonly file: string,
    private readonly mac: Mac,
  ) {}

  /** The stored checkpoint; 'forged' when its MAC does not match; null when there is none yet. */
  read(): Checkpoint | 'forged' | null {
    if (!existsSync(this.file)) return null;
    try {
      const v = JSON.parse(readFileSync(this.file, 'utf8')) as Checkpoint & { mac: string };
      const c = { seq: Number(v.seq), hash: String(v.hash), at: String(v.at) };
      return v.mac === this.mac(macInput(c)) ? c : 'forged';
    } catch {
      return 'forged';
    }
  }

  /**
   * Records a committed head; never moves back (a smaller sequence than the file's is what a
   * truncation looks like, and must stay visible). Atomic: written beside, then renamed.
   */
  advance(seq: number, hash: string, at = new Date().toISOString()): void {
    const cur = this.read();
    if (cur && cur !== 'forged' && cur.seq >= seq) return;
    if (cur === 'forged') return; // leave the evidence of tampering for verify-audit
    const c: Checkpoint = { seq, hash, at };
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ ...c, mac: this.mac(macInput(c)) })}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

/**
 * Group commit scheduling for the intake writer (intake-writer.ts): concurrent requests queue
 * here and are handed to `commit` in groups; each request resolves only with its group's result
 * (after the commit: acknowledged = stored). If a group fails, its requests are committed one by
 * one, so one bad request never fails the others.
 *
 * `inFlight` groups may be written at once (PostgreSQL, config intakeGroupsInFlight, default 1; 1 on SQLite). A group starts when fewer
 * than `inFlight` are being written and none of them is still before its read (`onRead`, called
 * by `commit` once the group has read the store); a group that has read, or ends, starts the next
 * at once if requests wait. So the next group starts as the one before it writes: it takes its
 * locks and reads while that one writes and commits — when the two share an entity or a suspect
 * (most groups, at 50 senders whose alerts fall into a few suspects) it waits for that commit
 * anyway — and it carries everything that arrived until then. Started at once instead, the
 * second group split the senders into groups half as large, which cost PostgreSQL ≈ 30 % more
 * CPU an alert (bench/README.md, pg15).
 */

export interface GroupLimits {
  /** Requests in one group at most. */
  maxRequests: number;
  /** Items (alerts) in one group at most; a single larger request is a group of its own. */
  maxItems: number;
  /** How long the first request of a group waits for others. */
  windowMs: number;
  /** Groups written at once. */
  inFlight: number;
}

interface Entry<T, R> {
  request: T;
  items: number;
  resolve(out: R): void;
  reject(e: unknown): void;
}

export class GroupScheduler<T, R> {
  private readonly pending: Array<Entry<T, R>> = [];
  /** Groups being written (each its own transaction). */
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  /** Groups started that have not read the store yet (waiting for their locks, or reading). */
  private reading = 0;

  constructor(
    /** Writes a group; the results in the requests' order. Calls `onRead` once it has read the store. */
    private readonly commit: (requests: T[], onRead: () => void) => Promise<R[]>,
    private readonly limits: GroupLimits,
  ) {}

  add(request: T, items: number): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ request, items, resolve, reject });
      if (this.pending.length >= this.limits.maxRequests) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.limits.windowMs);
    });
  }

  /** Writes what is queued (the caller adds nothing more) and resolves once every group has ended. */
  async drain(): Promise<void> {
    this.flush();
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running.size < this.limits.inFlight && this.reading === 0 && this.pending.length) {
      this.reading++;
      let read = false;
      const onRead = () => {
        if (read) return;
        read = true;
        this.reading--;
        if (this.pending.length) this.flush();
      };
      const run: Promise<void> = this.write(this.take(), onRead).finally(() => {
        this.running.delete(run);
        onRead();
        if (this.pending.length) this.flush();
      });
      this.running.add(run);
    }
  }

  private async write(group: Array<Entry<T, R>>, onRead: () => void): Promise<void> {
    try {
      const outs = await this.commit(
        group.map((e) => e.request),
        onRead,
      );
      for (const [i, e] of group.entries()) e.resolve(outs[i]!);
    } catch {
      onRead();
      for (const e of group) {
        try {
          e.resolve((await this.commit([e.request], () => {}))[0]!);
        } catch (err) {
          e.reject(err);
        }
      }
    }
  }

  /** The next requests to write together: at most maxRequests and, past the first, maxItems. */
  private take(): Array<Entry<T, R>> {
    let n = 1;
    let items = this.pending[0]!.items;
    while (n < this.pending.length && n < this.limits.maxRequests && items + this.pending[n]!.items <= this.limits.maxItems) items += this.pending[n++]!.items;
    return this.pending.splice(0, n);
  }
}

/** Polls `fn` until it returns something truthy (tests of background work: jobs, scans). */
export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, ms = 30_000, everyMs = 50): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

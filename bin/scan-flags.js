// The node flags `breachdesk scan` runs under (bin/breachdesk.js re-runs node with them). The build
// (scripts/bundle-scan-worker.mjs) makes the detection worker's V8 code cache under the same flags:
// V8 accepts a code cache only from a process with the same flags (src/assessment/scanner/engine/bundle-cache.ts).

// `scan` keeps its whole process under 512 MB RSS (issue 4): V8 lets an uncapped main-thread
// heap grow long before it collects, so the scan runs with a capped old generation. Its large
// structures (people, spill buffers) are typed arrays outside the V8 heap.
const SCAN_HEAP_MB = 256;
// Under that cap V8 grows the old generation in small steps: the main thread ran a full
// mark-compact every ≈8 MB of promoted garbage (30 per 100 MB of dense CSV, ≈1 CPU-s). Starting
// the old generation at 64 MB cuts that to ≈10 for ≈20 MB more RSS (bench/README.md, 2026-11-27).
const SCAN_INITIAL_OLD_MB = 64;

export const SCAN_NODE_FLAGS = [`--max-old-space-size=${SCAN_HEAP_MB}`, `--initial-old-space-size=${SCAN_INITIAL_OLD_MB}`];

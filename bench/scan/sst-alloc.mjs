// What a small shared-strings table costs (branch suite23): ms and RSS per SharedStrings holding two
// items, as every XLSX with a shared-strings part makes one. BENCH_TREE=/work/wt/base for the base build.
const tree = process.env.BENCH_TREE ?? new URL('../..', import.meta.url).pathname;
const { SharedStrings } = await import(`${tree}/dist/assessment/scanner/readers/xlsx-shared-strings.js`);
const xml = '<?xml version="1.0"?>\n<sst count="2"><si><t>abc</t></si><si><t>d&amp;e</t></si></sst>';
const N = 500;
const rss0 = process.memoryUsage().rss;
const keep = [];
const t = performance.now();
for (let i = 0; i < N; i++) {
  const s = new SharedStrings(1 << 20);
  s.scanner.feed(xml);
  if (i < 20) keep.push(s);
}
const ms = (performance.now() - t) / N;
console.log(`${tree}: ${ms.toFixed(3)} ms a table; RSS +${((process.memoryUsage().rss - rss0) / 2 ** 20).toFixed(0)} MB with 20 tables kept`);

/** The human-readable summary `breachdesk scan` prints without --json. Samples are masked already. */
import type { ExposureReport } from '../../scan.schema.js';

/**
 * Made on first use, not at import: `scan --json` never prints the summary, and building an
 * Intl.NumberFormat (ICU's locale data) cost ≈ 15–40 ms of every scan's start-up (bench/README.md,
 * issue 21, start21b).
 */
let numbers: Intl.NumberFormat | null = null;
const nf = {
  format(n: number): string {
    numbers ??= new Intl.NumberFormat('en-US');
    return numbers.format(n);
  },
};

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function formatSummary(r: ExposureReport): string {
  const out: string[] = [];
  const bytes = r.files.reduce((n, f) => n + (f.bytes ?? 0), 0);
  out.push(`Scanned ${r.files.length} file(s), ${mb(bytes)}, ${nf.format(r.totals.records)} records in ${(r.performance.durationMs / 1000).toFixed(1)} s`);
  out.push(
    `Records with personal data: ${nf.format(r.totals.recordsWithPersonalData)}; individuals: ${nf.format(r.totals.individuals)} (${r.totals.individualsMethod})`,
  );
  const els = Object.entries(r.elements).sort(([, a], [, b]) => b.records - a.records);
  if (els.length) {
    out.push('', 'Personal data (records / distinct values / samples):');
    for (const [el, e] of els) {
      out.push(`  ${el.padEnd(20)} ${nf.format(e.records).padStart(12)} ${nf.format(e.distinctValues).padStart(12)}  ${e.samples.slice(0, 3).join(', ')}`);
    }
  }
  if (r.combinations.length) {
    out.push('', 'Most frequent combinations:');
    for (const c of r.combinations.slice(0, 5)) out.push(`  ${nf.format(c.records).padStart(12)}  ${c.elements.join(' + ')}`);
  }
  const jur = Object.entries(r.jurisdictions).filter(([, n]) => n > 0);
  if (jur.length) out.push('', `Jurisdictions (people): ${jur.map(([j, n]) => `${j} ${nf.format(n)}`).join(', ')}`);
  const secrets = Object.entries(r.secrets);
  if (secrets.length) {
    out.push('', 'Secrets:');
    for (const [t, s] of secrets) {
      out.push(`  ${t.padEnd(22)} ${nf.format(s.count).padStart(8)}  ${s.samples.slice(0, 3).join(', ')}`);
      // What a responder does about them (issue 14 §3).
      for (const r of s.revocation ?? []) out.push(`  ${''.padEnd(31)}→ ${r.provider}${r.kind ? ` ${r.kind}` : ''}: ${r.how}`);
    }
  }
  const suspects = Object.entries(r.suspectSecrets ?? {});
  if (suspects.length) out.push('', `Suspect secrets (right shape, too little entropy; not counted): ${suspects.map(([f, s]) => `${f} ${nf.format(s.count)}`).join(', ')}`);
  if (r.matching.customers > 0) {
    const m = r.matching;
    out.push('', `Customers: ${nf.format(m.customers)} rows; leaked individuals matched ${nf.format(m.matched)}, unmatched ${nf.format(m.unmatched)}`);
  }
  if (r.canaries) {
    const c = r.canaries;
    out.push('', `Canary records found: ${nf.format(c.found)} of ${nf.format(c.known)}${c.datasets.length ? ' — the leak came from:' : ''}`);
    for (const d of c.datasets) {
      out.push(`  ${d.dataset.padEnd(24)} ${nf.format(d.canariesFound)} of ${nf.format(d.canariesPlanted)} canaries, score ${d.score}${d.plantedWhere.length ? ` (planted in ${d.plantedWhere.join('; ')})` : ''}  ${d.samples.slice(0, 3).join(', ')}`);
    }
  }
  const errs = r.files.flatMap((f) => f.errors.map((e) => `  ${f.path} (${e.location}): ${e.message}`));
  if (errs.length) out.push('', `Problems (${errs.length}):`, ...errs.slice(0, 20), ...(errs.length > 20 ? [`  … ${errs.length - 20} more (see --json)`] : []));
  out.push('', `Throughput ${mb(r.performance.bytesPerSecond)}/s, peak memory ${mb(r.performance.peakRssBytes)}`);
  return `${out.join('\n')}\n`;
}

/**
 * Prometheus metrics (issue 18 §6), in the text exposition format at GET /metrics.
 *
 * One registry per platform, not prom-client's global one: tests and the CLI open several
 * platforms in one process. Gauges that describe shared state (the job queue, the outbox,
 * legal deadlines) are read from the database when scraped, so every `serve` process of a fleet
 * reports the same figures and a scraper may pick any; request latency and scan throughput are
 * this process's own (sum them over the fleet).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}

export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly scanBytes: Counter;
  readonly scanSeconds: Counter;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'breachdesk_' });
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'breachdesk_http_request_duration_seconds',
      help: 'HTTP request latency by route template (never the raw URL: ids would explode the series)',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.scanBytes = new Counter({ name: 'breachdesk_scan_bytes_total', help: 'Bytes of leaked files scanned by this process', registers });
    this.scanSeconds = new Counter({ name: 'breachdesk_scan_seconds_total', help: 'Wall-clock seconds this process spent scanning (bytes_total / seconds_total = throughput)', registers });
  }

  /** A scan finished: throughput is the ratio of the two counters over any window. */
  observeScan(bytes: number, durationMs: number): void {
    this.scanBytes.inc(Math.max(0, bytes));
    this.scanSeconds.inc(Math.max(0, durationMs) / 1000);
  }

  /** A gauge whose samples are read at scrape time (reset first, so a vanished label set disappears). */
  gauge(name: string, help: string, labelNames: string[], read: () => Promise<GaugeSample[]>): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        const samples = await read();
        this.reset();
        for (const s of samples) {
          if (s.labels) this.set(s.labels, s.value);
          else this.set(s.value);
        }
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}

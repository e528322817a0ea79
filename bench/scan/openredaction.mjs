#!/usr/bin/env node
/**
 * Peer benchmark: the npm PII library `openredaction` (default options) on the first PREFIX_MB of a
 * file, `detect()` per 200-line batch (scanning.md §6.2 protocol). Prints one JSON line:
 *   node bench/scan/openredaction.mjs FILE PREFIX_MB
 */
import { openSync, readSync } from 'node:fs';
import { OpenRedaction } from 'openredaction';

const [file, prefixMb = '5'] = process.argv.slice(2);
const bytes = Number(prefixMb) * 1e6;
const buf = Buffer.alloc(bytes);
const fd = openSync(file, 'r');
const n = readSync(fd, buf, 0, bytes, 0);
let text = buf.subarray(0, n).toString('utf8');
text = text.slice(0, text.lastIndexOf('\n') + 1);
const lines = text.split('\n');
const redactor = new OpenRedaction();
const started = performance.now();
let findings = 0;
for (let i = 0; i < lines.length; i += 200) {
  const res = await redactor.detect(lines.slice(i, i + 200).join('\n'));
  findings += res.detections?.length ?? 0;
}
const ms = performance.now() - started;
const mb = Buffer.byteLength(text) / 1e6;
console.log(JSON.stringify({ peer: 'openredaction', file, mb: +mb.toFixed(1), seconds: +(ms / 1000).toFixed(2), mbPerSecond: +(mb / (ms / 1000)).toFixed(2), findings, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));

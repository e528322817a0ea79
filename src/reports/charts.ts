/**
 * Charts drawn on the server as SVG strings (pure): a timeline, time-to-X bars against their
 * deadlines, and a bar chart of counts (people by jurisdiction). Plain shapes and text only, so
 * svg-to-pdfkit, resvg and browsers all draw them the same.
 */
import { FONT_FAMILY } from '../platform/fonts.js';

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLORS = { bar: '#2563eb', late: '#dc2626', ok: '#16a34a', axis: '#6b7280', text: '#111827', deadline: '#f59e0b' };

function svg(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" font-size="11"><title>${esc(title)}</title><rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/><text x="10" y="18" font-size="13" font-weight="bold" fill="${COLORS.text}">${esc(title)}</text>${body}</svg>`;
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal bars: one row per item, value labelled; an optional deadline mark per row. */
export function barChart(title: string, rows: Array<{ label: string; value: number; deadline?: number | null; unit?: string; late?: boolean }>): Chart {
  const width = 600;
  const rowH = 24;
  const left = 170;
  const right = 70;
  const height = 36 + Math.max(1, rows.length) * rowH + 10;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value, r.deadline ?? 0)));
  const scale = (v: number) => ((width - left - right) * v) / max;
  let body = '';
  rows.forEach((r, i) => {
    const y = 32 + i * rowH;
    const w = Math.max(1, scale(r.value));
    body += `<text x="10" y="${y + 15}" fill="${COLORS.text}">${esc(short(r.label, 26))}</text>`;
    body += `<rect x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${r.late ? COLORS.late : COLORS.bar}"/>`;
    body += `<text x="${(left + w + 4).toFixed(1)}" y="${y + 15}" fill="${COLORS.text}">${esc(`${r.value}${r.unit ?? ''}`)}</text>`;
    if (r.deadline) {
      const x = left + scale(r.deadline);
      body += `<line x1="${x.toFixed(1)}" y1="${y + 1}" x2="${x.toFixed(1)}" y2="${y + rowH - 1}" stroke="${COLORS.deadline}" stroke-width="3"/>`;
    }
  });
  if (!rows.length) body += `<text x="10" y="48" fill="${COLORS.axis}">no data</text>`;
  return { svg: svg(width, height, title, body), width, height };
}

/** Events on a time axis: one labelled row per event, the axis dated at both ends. */
export function timelineChart(title: string, events: Array<{ at: string; label: string; kind: string }>): Chart {
  const width = 600;
  const rowH = 20;
  const left = 20;
  const right = 20;
  const top = 52;
  const height = top + Math.max(1, events.length) * rowH + 28;
  const times = events.map((e) => Date.parse(e.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 1);
  const x = (t: number) => left + ((width - left - right) * (t - t0)) / (t1 - t0);
  const axisY = top - 14;
  let body = `<line x1="${left}" y1="${axisY}" x2="${width - right}" y2="${axisY}" stroke="${COLORS.axis}" stroke-width="1.5"/>`;
  if (events.length) {
    body += `<text x="${left}" y="${axisY - 6}" fill="${COLORS.axis}" font-size="9">${esc(new Date(t0).toISOString().slice(0, 16).replace('T', ' '))} UTC</text>`;
    body += `<text x="${width - right}" y="${axisY - 6}" fill="${COLORS.axis}" font-size="9" text-anchor="end">${esc(new Date(t1).toISOString().slice(0, 16).replace('T', ' '))} UTC</text>`;
  }
  events.forEach((e, i) => {
    const cx = x(Date.parse(e.at));
    const y = top + i * rowH;
    const color = e.kind === 'attacker_activity' ? COLORS.late : e.kind === 'containment' ? COLORS.ok : COLORS.bar;
    body += `<line x1="${cx.toFixed(1)}" y1="${axisY}" x2="${cx.toFixed(1)}" y2="${y + 6}" stroke="${color}" stroke-width="0.8" stroke-dasharray="2,2"/>`;
    body += `<circle cx="${cx.toFixed(1)}" cy="${y + 6}" r="4" fill="${color}"/>`;
    const anchorEnd = cx > width / 2;
    body += `<text x="${(anchorEnd ? cx - 8 : cx + 8).toFixed(1)}" y="${y + 10}" fill="${COLORS.text}"${anchorEnd ? ' text-anchor="end"' : ''}>${esc(short(e.label, 60))}</text>`;
  });
  if (!events.length) body += `<text x="10" y="${top + 10}" fill="${COLORS.axis}">no events chosen</text>`;
  return { svg: svg(width, height, title, body), width, height };
}

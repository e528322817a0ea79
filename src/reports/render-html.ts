/** The report as one self-contained HTML page (inline SVG charts, inline CSS, nothing fetched). */
import type { Block, ReportModel } from './report.model.js';

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text).replace(/\n/g, '<br>')}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'facts':
      return `<table class="facts">${b.rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
    case 'table':
      return `<table><thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    case 'chart':
      // The SVG is our own output (charts.ts escapes every text it draws).
      return `<figure role="img" aria-label="${escapeHtml(b.alt)}">${b.svg}<figcaption>Chart: ${escapeHtml(b.title)}</figcaption></figure>`;
  }
}

export function renderHtml(m: ReportModel): string {
  const css =
    'body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:52rem;margin:2rem auto;color:#111827;line-height:1.45}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d1d5db;padding:.25rem .5rem;text-align:left;vertical-align:top}.marking{border:2px solid #b91c1c;color:#b91c1c;padding:.5rem;font-weight:bold}figure{margin:1rem 0}svg{max-width:100%;height:auto}';
  const body = m.sections.map((s) => `<section><h2>${escapeHtml(s.heading)}</h2>${s.blocks.map(block).join('\n')}</section>`).join('\n');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(m.title)}</title><style>${css}</style></head><body><header><h1>${escapeHtml(m.title)}</h1><p><em>${escapeHtml(m.subtitle)}</em> — generated ${escapeHtml(m.generatedAt)}</p>${m.marking ? `<p class="marking">${escapeHtml(m.marking)}</p>` : ''}</header>\n${body}\n</body></html>\n`;
}

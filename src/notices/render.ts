/** Pure renderers of a drafted notice: plain text, HTML e-mail and PDF letter blocks. */
import { fillRecipient, type RenderedNotice } from './drafting.js';
import type { PdfBlock } from './pdf.js';

export interface RecipientView {
  name: string;
  address: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderText(n: RenderedNotice, r?: RecipientView): string {
  const f = (s: string) => (r ? fillRecipient(s, r) : s);
  const parts = [n.title, ''];
  for (const s of n.sections) {
    if (s.heading) parts.push(f(s.heading));
    parts.push(f(s.text), '');
  }
  const fields = Object.entries(n.fields);
  if (fields.length) {
    parts.push('Structured fields', ...fields.map(([k, v]) => `${k}: ${v ?? ''}`), '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

export function renderHtml(n: RenderedNotice, r?: RecipientView): string {
  const f = (s: string) => esc(r ? fillRecipient(s, r) : s).replace(/\n/g, '<br>');
  const body = n.sections.map((s) => `${s.heading ? `<h2 style="font-size:13pt">${f(s.heading)}</h2>` : ''}<p>${f(s.text)}</p>`).join('\n');
  const fields = Object.entries(n.fields);
  const table = fields.length
    ? `<table>${fields.map(([k, v]) => `<tr><th align="left">${esc(k)}</th><td>${esc(String(v ?? ''))}</td></tr>`).join('')}</table>`
    : '';
  // 11 pt body text: above the 10-point minimum of Cal. Civ. Code §1798.82(d)(1).
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(n.title)}</title></head><body style="font-family:Helvetica,Arial,sans-serif;font-size:11pt"><h1 style="font-size:16pt">${esc(n.title)}</h1>\n${body}\n${table}</body></html>`;
}

export function pdfBlocks(n: RenderedNotice, r?: RecipientView): PdfBlock[] {
  const f = (s: string) => (r ? fillRecipient(s, r) : s);
  const blocks: PdfBlock[] = [];
  if (r?.address) blocks.push({ text: `${r.name}\n${r.address}`, gap: 0 });
  blocks.push({ text: n.title, bold: true, size: 16, gap: r?.address ? 24 : 0 });
  for (const s of n.sections) {
    if (s.heading) blocks.push({ text: f(s.heading), bold: true, size: 12, gap: 10 });
    blocks.push({ text: f(s.text), gap: 4 });
  }
  const fields = Object.entries(n.fields);
  if (fields.length) {
    blocks.push({ text: 'Structured fields', bold: true, size: 12, gap: 10 });
    blocks.push({ text: fields.map(([k, v]) => `${k}: ${v ?? ''}`).join('\n'), gap: 4 });
  }
  return blocks;
}

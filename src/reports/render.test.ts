/**
 * Each format read back by an independent reader: pdftotext (poppler) for the PDF, mammoth for the
 * DOCX; the text, the table cells and the charts (their titles and labels) must be there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { barChart, timelineChart } from './charts.js';
import type { ReportModel } from './report.model.js';
import { renderReport } from './render.js';

const tl = timelineChart('Timeline', [
  { at: '2026-03-01T00:00:00Z', label: 'Erste Anmeldung mit gestohlenen Zugangsdaten', kind: 'attacker_activity' },
  { at: '2026-03-01T20:00:00Z', label: 'VPN account disabled', kind: 'containment' },
]);
const bars = barChart('People by jurisdiction', [
  { label: 'DE', value: 1200 },
  { label: 'FR', value: 340 },
]);
const model: ReportModel = {
  title: 'Post-incident report: CRM export <leaked>',
  subtitle: 'Incident 42',
  marking: null,
  generatedAt: '2026-12-06T12:00:00Z',
  sections: [
    { heading: 'Summary', blocks: [{ type: 'paragraph', text: 'Stolen VPN credentials — Łódź, Malmö, São Paulo.' }] },
    { heading: 'Metrics', blocks: [{ type: 'facts', rows: [['Time to contain', '8 h']] }, { type: 'table', columns: ['Obligation', 'Outcome'], rows: [['DE regulator', 'on time']] }] },
    { heading: 'Charts', blocks: [{ type: 'chart', title: 'Timeline', alt: 'two events', ...tl }, { type: 'chart', title: 'People by jurisdiction', alt: 'DE 1200, FR 340', ...bars }] },
  ],
};

describe('report renderers', () => {
  it('Markdown and HTML carry the text, escaped, and the SVG charts', async () => {
    const md = (await renderReport(model, 'md')).toString();
    expect(md).toMatch(/^# Post-incident report/);
    expect(md).toContain('| **Time to contain** | 8 h |');
    expect(md).toMatch(/!\[two events\]\(data:image\/svg\+xml;base64,/);
    const html = (await renderReport(model, 'html')).toString();
    expect(html).toContain('CRM export &lt;leaked&gt;');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('Erste Anmeldung mit gestohlenen Zugangsdaten');
  });

  it('PDF: pdftotext reads the text, the table and the chart labels (embedded DejaVu keeps Ł, ö, ã)', async () => {
    const pdf = await renderReport(model, 'pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Post-incident report: CRM export <leaked>');
    expect(text).toContain('Łódź, Malmö, São Paulo');
    expect(text).toMatch(/Time to contain:\s+8 h/);
    expect(text).toContain('Erste Anmeldung mit gestohlenen Zugangsdaten');
    expect(text).toMatch(/1200/);
    expect(text).toContain('Chart: People by jurisdiction');
    const fonts = execFileSync('pdffonts', [join(dir, 'r.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans/);
  });

  it('DOCX: mammoth reads headings, table cells and the chart images (SVG with PNG fallback)', async () => {
    const docx = await renderReport(model, 'docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toContain('<h1>Summary</h1>');
    expect(html).toContain('Łódź, Malmö, São Paulo');
    expect(html).toMatch(/<td><p><strong>Time to contain<\/strong><\/p><\/td><td><p>8 h<\/p><\/td>/);
    const imgs = html.match(/<img [^>]*>/g) ?? [];
    expect(imgs).toHaveLength(2);
    expect(imgs[1]).toContain('alt="DE 1200, FR 340"');
    expect(html).toContain('Chart: People by jurisdiction');
  });
});

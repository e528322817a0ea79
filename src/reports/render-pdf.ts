/**
 * The report as PDF with pdfkit: DejaVu embedded (subset) so every language's letters print;
 * charts drawn from the same SVG as vectors with svg-to-pdfkit (their text stays text, so a reader
 * like pdftotext finds it).
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { pdfDocument } from '../platform/fonts.js';
import type { Block, ReportModel } from './report.model.js';

const MARGIN = 56;

export function renderPdf(m: ReportModel): Promise<Buffer> {
  const { doc, done } = pdfDocument({ size: 'A4', margin: MARGIN, info: { Title: m.title, Subject: m.subtitle } });
  const width = doc.page.width - 2 * MARGIN;
  const ensure = (h: number) => {
    if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
  };

  doc.font('bold').fontSize(18).text(m.title);
  doc.font('body').fontSize(10).fillColor('#374151').text(`${m.subtitle} — generated ${m.generatedAt}`).fillColor('#000000');
  if (m.marking) doc.moveDown(0.5).font('bold').fillColor('#b91c1c').text(m.marking).fillColor('#000000');

  const block = (b: Block) => {
    switch (b.type) {
      case 'paragraph':
        doc.font('body').fontSize(10.5).text(b.text, { width });
        break;
      case 'list':
        doc.font('body').fontSize(10.5).list(b.items, { width, bulletRadius: 2 });
        break;
      case 'facts':
        for (const [k, v] of b.rows) doc.font('bold').fontSize(10).text(`${k}: `, { continued: true }).font('body').text(v, { width });
        break;
      case 'table':
        doc.font('bold').fontSize(9).text(b.columns.join('  |  '), { width });
        for (const r of b.rows) doc.font('body').fontSize(9).text(r.join('  |  '), { width });
        break;
      case 'chart': {
        const scale = Math.min(1, width / b.width);
        ensure(b.height * scale + 20);
        const y = doc.y;
        // Without its own width/height the SVG takes the viewport given here and its viewBox scales to it.
        const svg = b.svg.replace(/^<svg([^>]*?) width="[^"]*" height="[^"]*"/, '<svg$1');
        SVGtoPDF(doc, svg, MARGIN, y, { width: b.width * scale, height: b.height * scale, assumePt: true, fontCallback: (_f, bold) => (bold ? 'bold' : 'body') });
        doc.y = y + b.height * scale + 4;
        doc.x = MARGIN;
        doc.font('body').fontSize(8).fillColor('#374151').text(`Chart: ${b.title}`).fillColor('#000000');
        break;
      }
    }
    doc.moveDown(0.5);
  };

  for (const s of m.sections) {
    ensure(60);
    doc.moveDown(0.6).font('bold').fontSize(13).text(s.heading);
    doc.moveDown(0.3);
    for (const b of s.blocks) block(b);
  }
  doc.end();
  return done;
}

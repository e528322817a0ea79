/**
 * Printable letters as PDF with pdfkit: Letter-size pages, DejaVu Sans embedded (subset), so the
 * letters of every notice language print — Polish ą ę ł ń ś ź ż, Czech ř, Greek, Cyrillic — where
 * the standard Helvetica fonts (WinAnsi) could not. 11 pt text, ≥ the 10-point minimum of Cal.
 * Civ. Code §1798.82(d)(1). Enough for printable letters and merged print-vendor batches: each
 * letter starts on a new page.
 */
import { pdfDocument } from '../platform/fonts.js';

export interface PdfBlock {
  text: string;
  bold?: boolean;
  size?: number;
  /** Space before the block, in points. */
  gap?: number;
}

export interface PdfDocument {
  /** Each letter starts on a new page. */
  letters: PdfBlock[][];
}

const MARGIN = 64;

export function renderPdf(input: PdfDocument): Promise<Buffer> {
  const { doc, done } = pdfDocument({ size: 'LETTER', margin: MARGIN, autoFirstPage: false });
  const letters = input.letters.length ? input.letters : [[]];
  for (const letter of letters) {
    doc.addPage();
    const width = doc.page.width - 2 * MARGIN;
    for (const b of letter) {
      if (b.gap) doc.y += b.gap;
      // lineGap keeps the 1.35 line height the letters had: 11 pt text on ≈ 15 pt lines.
      const size = b.size ?? 11;
      doc
        .font(b.bold ? 'bold' : 'body')
        .fontSize(size)
        .text(b.text, MARGIN, doc.y, { width, lineGap: size * 0.2 });
    }
  }
  doc.end();
  return done;
}

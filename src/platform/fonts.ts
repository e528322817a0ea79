/**
 * The fonts every format embeds: DejaVu (dejavu-fonts-ttf), which covers Latin, Greek and Cyrillic
 * so names in any EEA language render, and which is present wherever Breachdesk is installed
 * (an npm dependency, no system font needed).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FAMILY = 'DejaVu Sans';
export const FONTS = {
  regular: join(dir, 'DejaVuSans.ttf'),
  bold: join(dir, 'DejaVuSans-Bold.ttf'),
  mono: join(dir, 'DejaVuSansMono.ttf'),
};

/**
 * A pdfkit document with DejaVu registered as 'body' and 'bold', and the PDF's bytes once
 * `doc.end()` is called: letters (notices) and reports are written the same way.
 */
export function pdfDocument(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ compress: true, ...options, info: { Creator: 'Breachdesk', ...options.info } });
  doc.registerFont('body', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

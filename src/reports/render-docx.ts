/**
 * The report as DOCX with the `docx` package: headings, tables, and each chart as an SVG image
 * with the PNG fallback Office requires (rasterised by resvg with the same DejaVu fonts).
 */
import { Resvg } from '@resvg/resvg-js';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { FONT_FAMILY, FONTS } from '../platform/fonts.js';
import type { Block, ReportModel } from './report.model.js';

function png(svg: string, width: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: width * 2 }, font: { loadSystemFonts: false, fontFiles: [FONTS.regular, FONTS.bold], defaultFontFamily: FONT_FAMILY } }).render().asPng());
}

const cellOf = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

function block(b: Block): Array<Paragraph | Table> {
  switch (b.type) {
    case 'paragraph':
      return b.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
    case 'list':
      return b.items.map((i) => new Paragraph({ text: i, bullet: { level: 0 } }));
    case 'facts':
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: b.rows.map(([k, v]) => new TableRow({ children: [cellOf(k, true), cellOf(v)] })) })];
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: b.columns.map((c) => cellOf(c, true)) }), ...b.rows.map((r) => new TableRow({ children: r.map((c) => cellOf(c)) }))],
        }),
      ];
    case 'chart': {
      const w = Math.min(600, b.width);
      const h = Math.round((b.height * w) / b.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(b.svg),
              fallback: { type: 'png', data: png(b.svg, b.width) },
              transformation: { width: w, height: h },
              altText: { name: b.title, title: b.title, description: b.alt },
            }),
          ],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `Chart: ${b.title}`, italics: true, size: 16 })] }),
      ];
    }
  }
}

export async function renderDocx(m: ReportModel): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.TITLE, text: m.title }), new Paragraph({ children: [new TextRun({ text: `${m.subtitle} — generated ${m.generatedAt}`, italics: true })] })];
  if (m.marking) children.push(new Paragraph({ children: [new TextRun({ text: m.marking, bold: true, color: 'B91C1C' })] }));
  for (const s of m.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: s.heading }));
    for (const b of s.blocks) children.push(...block(b));
  }
  const doc = new Document({
    creator: 'Breachdesk',
    title: m.title,
    styles: { default: { document: { run: { font: FONT_FAMILY, size: 21 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

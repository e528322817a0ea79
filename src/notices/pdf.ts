/**
 * A minimal PDF 1.4 writer (ISO 32000-1 §7): Letter-size pages, the standard Helvetica fonts
 * (no embedding needed, §9.6.2.2), word-wrapped text at 11 pt (≥ the 10-point minimum of Cal.
 * Civ. Code §1798.82(d)(1)). Enough for printable letters and merged print-vendor batches.
 */
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

const PAGE_W = 612;
const PAGE_H = 792;
const MARGIN = 64;

/** WinAnsi-safe text: PDF string escapes (§7.3.4.2) and '?' for characters outside Latin-1. */
function pdfString(s: string): string {
  let out = '';
  for (const ch of s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\u2026/g, '...')) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '(' || ch === ')') out += `\\${ch}`;
    else if (c < 32) out += ' ';
    else if (c > 255) out += '?';
    else if (c > 126) out += `\\${c.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return out;
}

/** Approximate Helvetica advance width (average 0.5 em; bold 0.55 em) for wrapping. */
function wrap(text: string, size: number, bold: boolean): string[] {
  const maxChars = Math.floor((PAGE_W - 2 * MARGIN) / (size * (bold ? 0.55 : 0.5)));
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > maxChars) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

export function renderPdf(doc: PdfDocument): Buffer {
  const pages: string[] = [];
  for (const letter of doc.letters) {
    let ops: string[] = [];
    let y = PAGE_H - MARGIN;
    const flush = () => {
      pages.push(ops.join('\n'));
      ops = [];
      y = PAGE_H - MARGIN;
    };
    for (const b of letter) {
      const size = b.size ?? 11;
      y -= b.gap ?? 0;
      for (const line of wrap(b.text, size, b.bold === true)) {
        if (y < MARGIN + size) flush();
        y -= size * 1.35;
        ops.push(`BT /${b.bold ? 'F2' : 'F1'} ${size} Tf ${MARGIN} ${y.toFixed(1)} Td (${pdfString(line)}) Tj ET`);
      }
    }
    flush();
  }
  if (pages.length === 0) pages.push('');
  // Objects: 1 catalog, 2 pages, 3 F1, 4 F2, then (page, content) pairs.
  const objects: string[] = [];
  const kids = pages.map((_, i) => `${5 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  pages.forEach((content, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + i * 2} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  // ASCII only (non-Latin text is octal-escaped), so the file survives text transports.
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF's text as an independent reader sees it: pdftotext (poppler-utils), line breaks folded. */
import { execFileSync } from 'node:child_process';

export function pdfText(pdf: Buffer | Uint8Array): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' }).replace(/[ \n]+/g, ' ');
}

export async function fetchPdfText(url: string, token: string): Promise<{ type: string | null; head: string; text: string }> {
  const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await r.arrayBuffer());
  return { type: r.headers.get('content-type'), head: body.subarray(0, 5).toString('latin1'), text: pdfText(body) };
}

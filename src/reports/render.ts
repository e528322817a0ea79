/** One entry point: the model in the asked format. */
import type { ReportFormat, ReportModel } from './report.model.js';
import { renderDocx } from './render-docx.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';

export async function renderReport(m: ReportModel, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(m));
    case 'html':
      return Buffer.from(renderHtml(m));
    case 'pdf':
      return renderPdf(m);
    case 'docx':
      return renderDocx(m);
  }
}

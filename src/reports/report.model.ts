/**
 * One report model, rendered to Markdown, HTML, PDF and DOCX (the renderers beside this file).
 * A report is a title and sections of blocks; charts are SVG drawn on the server, so every format
 * carries the same picture (DOCX with a PNG fallback, as Office requires for SVG images).
 */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'facts'; rows: Array<[string, string]> }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'chart'; title: string; svg: string; width: number; height: number; alt: string };

export interface Section {
  heading: string;
  blocks: Block[];
}

export interface ReportModel {
  title: string;
  subtitle: string;
  /** Shown on every format's first lines, e.g. "PRIVILEGED & CONFIDENTIAL — attorney–client communication". */
  marking: string | null;
  generatedAt: string;
  sections: Section[];
}

export const REPORT_FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

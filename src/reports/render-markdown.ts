/** The report as Markdown (CommonMark + GFM tables); charts as SVG data-URI images. */
import type { Block, ReportModel } from './report.model.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return b.text;
    case 'list':
      return b.items.map((i) => `- ${i.replace(/\n/g, ' ')}`).join('\n');
    case 'facts':
      return ['| | |', '|---|---|', ...b.rows.map(([k, v]) => `| **${cell(k)}** | ${cell(v)} |`)].join('\n');
    case 'table':
      return [`| ${b.columns.map(cell).join(' | ')} |`, `|${b.columns.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
    case 'chart':
      return `![${b.alt.replace(/[[\]]/g, '')}](data:image/svg+xml;base64,${Buffer.from(b.svg).toString('base64')})\n\n*Chart: ${b.title}*`;
  }
}

export function renderMarkdown(m: ReportModel): string {
  const out = [`# ${m.title}`, '', `*${m.subtitle}* — generated ${m.generatedAt}`];
  if (m.marking) out.push('', `**${m.marking}**`);
  for (const s of m.sections) {
    out.push('', `## ${s.heading}`);
    for (const b of s.blocks) out.push('', block(b));
  }
  return `${out.join('\n')}\n`;
}

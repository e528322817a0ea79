// Writes a synthetic flow log (dist/confirm/flows/synth.js): node bench/flows/gen.mjs FORMAT FILE [PER_HOUR] [HOSTS]
import { createWriteStream } from 'node:fs';
import { header, line, scenario } from '../../dist/confirm/flows/synth.js';

const [format = 'zeek-tsv', file = '.bench-data/conn.log', perHour = '100', hosts = '50'] = process.argv.slice(2);
const out = createWriteStream(file);
let i = 0;
let buf = `${header(format).join('\n')}\n`;
for (const f of scenario({ hosts: Number(hosts), days: 14, perHour: Number(perHour) })) {
  buf += `${line(format, f, i++)}\n`;
  if (buf.length > 1 << 20) {
    if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
    buf = '';
  }
}
out.end(buf);
out.on('finish', () => process.stdout.write(`${i} records → ${file}\n`));

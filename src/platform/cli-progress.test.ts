import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progress } from './cli-progress.js';

function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  const s = new PassThrough();
  let text = '';
  s.on('data', (d) => (text += d));
  return { stream: s as unknown as NodeJS.WriteStream, text: () => text };
}

describe('CLI progress off a terminal', () => {
  it('prints one line per tenth crossed and the end, each ending in a newline, no carriage return', () => {
    const out = sink();
    const p = progress('uploading', { unit: 'bytes', stream: out.stream, tty: false });
    for (let v = 0; v <= 1000; v += 7) p.update(v, 1000);
    p.update(1000, 1000);
    p.stop();
    expect(out.text()).not.toContain('\r');
    const lines = out.text().trimEnd().split('\n');
    expect(lines[0]).toBe('uploading: 0% (0 of 1000 bytes)');
    expect(lines.at(-1)).toBe('uploading: 100% (1000 of 1000 bytes)');
    expect(lines).toHaveLength(11);
  });

  it('stop prints where it ended when that was between tenths', () => {
    const out = sink();
    const p = progress('sending', { unit: 'e-mails', stream: out.stream, tty: false, describe: (x) => `${x.failed} failed` });
    p.update(3, 20, { failed: 0 });
    p.update(4, 20, { failed: 1 });
    p.stop();
    expect(out.text()).toBe('sending: 15% (3 of 20 e-mails), 0 failed\nsending: 20% (4 of 20 e-mails), 1 failed\n');
  });
});

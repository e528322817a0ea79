/** The SMTP port against a real server process: STARTTLS modes, reply codes, Message-ID. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../src/notices/delivery.js';
import { createSmtpMailer, type OutgoingMail } from '../../../src/notices/mailer.js';
import { type Sink, startSink } from './notices-fixtures.js';

const mail = (to: string, id: string): OutgoingMail => ({ from: 'Example <n@example.test>', to, subject: 'Notice of Data Breach', text: 'text', html: '<p>html</p>', messageId: `<${id}@example.test>` });

describe('SMTP mailer', () => {
  let dir: string;
  let plain: Sink;
  let tls: Sink;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bd-smtp-'));
    plain = await startSink(dir, { SINK_REJECT: '^nobody@', SINK_FAIL_DATA: '^spam@' });
    tls = await startSink(dir, { SINK_TLS: '1' });
  });
  afterAll(async () => {
    await plain?.stop();
    await tls?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades with STARTTLS when required (RFC 3207) and keeps our Message-ID', async () => {
    const m = createSmtpMailer({ url: `smtp://127.0.0.1:${tls.port}?starttls=required&tls_reject_unauthorized=false` });
    const r = await m.send(mail('a@example.test', 'tls-1'));
    await m.close();
    expect(r.code).toBe(250);
    expect(readFileSync(tls.file, 'utf8')).toBe('a@example.test\t<tls-1@example.test>\ttls\n');
  });

  it('refuses to send in clear when STARTTLS is required but not offered', async () => {
    const m = createSmtpMailer({ url: `smtp://127.0.0.1:${plain.port}?starttls=required` });
    const e = await m.send(mail('b@example.test', 'clear-1')).catch((x: unknown) => x);
    await m.close();
    expect(e).toBeInstanceOf(Error);
    expect(plain.lines().map((l) => l.rcpt)).not.toContain('b@example.test');
  });

  it('reports 550 at RCPT TO as a bounce and 554 after DATA as a failure, neither retried', async () => {
    const m = createSmtpMailer({ url: plain.url });
    const bounce = classifyFailure(await m.send(mail('nobody@example.test', 'b-1')).catch((x: unknown) => x));
    const failed = classifyFailure(await m.send(mail('spam@example.test', 'f-1')).catch((x: unknown) => x));
    const ok = await m.send(mail('c@example.test', 'ok-1'));
    await m.close();
    expect(bounce).toMatchObject({ kind: 'bounced', code: 550 });
    expect(failed).toMatchObject({ kind: 'failed', code: 554 });
    expect(ok.code).toBe(250);
    expect(plain.lines()).toEqual([{ rcpt: 'c@example.test', messageId: '<ok-1@example.test>' }]);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFailure, retryDelayMs } from './delivery.js';
import { MailError, smtpOptions } from './mailer.js';
import { pdfText } from '../../test/support/pdf.js';
import { renderPdf } from './pdf.js';

describe('delivery policy', () => {
  it('retries 4xx and connection failures, never 5xx (RFC 5321 §4.2.1)', () => {
    expect(classifyFailure(new MailError('busy', 451, 'RCPT TO')).kind).toBe('retry');
    expect(classifyFailure(new MailError('refused', null, null)).kind).toBe('retry');
    expect(classifyFailure(new Error('ECONNRESET')).kind).toBe('retry');
    expect(classifyFailure(new MailError('no such user', 550, 'RCPT TO'))).toMatchObject({ kind: 'bounced', code: 550 });
    expect(classifyFailure(new MailError('content rejected', 554, 'DATA'))).toMatchObject({ kind: 'failed', code: 554 });
  });

  it('backs off exponentially with a cap', () => {
    expect([1, 2, 3].map((a) => retryDelayMs(a, 1000))).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(40, 1000)).toBe(6 * 3600_000);
  });

  it('reads SMTP settings from the URL: TLS modes, credentials, pool and rate', () => {
    const a = smtpOptions({ url: 'smtp://u%40x:p%3Ass@mail.example.test:2525?starttls=required&rate=50&pool=3' });
    expect(a).toMatchObject({ host: 'mail.example.test', port: 2525, secure: false, requireTLS: true, auth: { user: 'u@x', pass: 'p:ss' }, rateLimit: 50, maxConnections: 3, pool: true });
    expect(smtpOptions({ url: 'smtps://mail.example.test' })).toMatchObject({ secure: true, port: 465 });
    expect(smtpOptions({ url: 'smtp://h?tls_reject_unauthorized=false&starttls=off' })).toMatchObject({ ignoreTLS: true, tls: { rejectUnauthorized: false } });
    expect(() => smtpOptions({ url: 'http://h' })).toThrow(/smtp:\/\//);
  });
});

describe('PDF letters', () => {
  it('writes one page per letter that pdftotext reads back, in every notice language (DejaVu embedded)', async () => {
    const pdf = await renderPdf({
      letters: [[{ text: 'Zawiadomienie (projekt) \\ — Szanowna Pani Łucjo Wiśniewska, źródło: ąćęłńóśźż', bold: true }, { text: 'Sehr geehrte Frau Müller, Straße', gap: 8 }], [{ text: 'Second letter' }]],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'letters-'));
    writeFileSync(join(dir, 'l.pdf'), pdf);
    const info = execFileSync('pdfinfo', [join(dir, 'l.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Page size:\s+612 x 792/);
    const text = pdfText(pdf);
    expect(text).toContain('Zawiadomienie (projekt) \\');
    expect(text).toContain('Łucjo Wiśniewska, źródło: ąćęłńóśźż');
    expect(text).toContain('Sehr geehrte Frau Müller, Straße');
    expect(text.split('\f')[1]).toContain('Second letter');
    expect(execFileSync('pdffonts', [join(dir, 'l.pdf')], { encoding: 'utf8' })).toMatch(/DejaVuSans/);
  });
});

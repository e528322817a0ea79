import { describe, expect, it } from 'vitest';
import { classifyFailure, retryDelayMs } from './delivery.js';
import { MailError, smtpOptions } from './mailer.js';
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
  it('writes a well-formed PDF with one page per letter and escaped text', () => {
    const pdf = renderPdf({ letters: [[{ text: 'Notice (draft) \\ é' }], [{ text: 'Second letter' }]] }).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain('/Count 2');
    expect(pdf).toContain('(Notice \\(draft\\) \\\\ \\351) Tj');
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xref, xref + 4)).toBe('xref');
  });
});

/** A real SMTP server (smtp-server) on loopback that keeps every message it receives. */
import { SMTPServer } from 'smtp-server';

export interface Mail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpCatcher {
  port: number;
  /** `smtp://127.0.0.1:PORT`, for BREACHDESK_SMTP_URL. */
  url: string;
  mails: Mail[];
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpCatcher> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (d: Buffer) => (data += d.toString('utf8')));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { port, url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

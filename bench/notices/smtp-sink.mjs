#!/usr/bin/env node
/**
 * A local SMTP server (the `smtp-server` package) that records every message it accepts:
 * one line "<envelope recipient>\t<Message-ID>\n" appended to SINK_OUT before the 250 reply.
 * Used by the notices tests (crash test) and the delivery benchmark, as a child process.
 *
 * env: SINK_OUT (file), SINK_PORT (0 = any; the port is printed as {"port":N} on stdout),
 *      SINK_REJECT (regex: recipients answered 550 at RCPT TO),
 *      SINK_DEFER (regex: recipients answered 451 at RCPT TO on their first attempt),
 *      SINK_FAIL_DATA (regex: recipients answered 554 after DATA), SINK_TLS=1 (offer STARTTLS).
 */
import { appendFileSync, openSync, writeSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

const out = process.env.SINK_OUT;
if (!out) throw new Error('SINK_OUT is required');
const fd = openSync(out, 'a');
const reject = process.env.SINK_REJECT ? new RegExp(process.env.SINK_REJECT) : null;
const defer = process.env.SINK_DEFER ? new RegExp(process.env.SINK_DEFER) : null;
const failData = process.env.SINK_FAIL_DATA ? new RegExp(process.env.SINK_FAIL_DATA) : null;
const deferred = new Set();

const server = new SMTPServer({
  authOptional: true,
  // SINK_TLS=1 offers STARTTLS with smtp-server's built-in self-signed test certificate.
  disabledCommands: process.env.SINK_TLS === '1' ? [] : ['STARTTLS'],
  size: 10 * 1024 * 1024,
  maxClients: 200,
  logger: false,
  onRcptTo(address, _session, cb) {
    const a = address.address;
    if (reject?.test(a)) return cb(Object.assign(new Error('5.1.1 no such user'), { responseCode: 550 }));
    if (defer?.test(a) && !deferred.has(a)) {
      deferred.add(a);
      return cb(Object.assign(new Error('4.2.0 try again later'), { responseCode: 451 }));
    }
    cb();
  },
  onData(stream, session, cb) {
    let head = '';
    let done = false;
    stream.on('data', (chunk) => {
      if (!done) {
        head += chunk.toString('latin1');
        if (head.includes('\r\n\r\n') || head.length > 65536) done = true;
      }
    });
    stream.on('end', () => {
      const headers = head.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
      const mid = /^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? '-';
      const rcpts = session.envelope.rcptTo.map((r) => r.address);
      const tls = session.secure ? '\ttls' : '';
      if (failData && rcpts.some((r) => failData.test(r))) return cb(Object.assign(new Error('5.6.0 content rejected'), { responseCode: 554 }));
      // Recorded before the 250 reply goes out: the log is the server's view of "accepted".
      writeSync(fd, rcpts.map((r) => `${r}\t${mid}${tls}\n`).join(''));
      cb(null, 'queued');
    });
  },
});
server.on('error', (e) => appendFileSync(`${out}.errors`, `${e.message}\n`));
server.listen(Number(process.env.SINK_PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

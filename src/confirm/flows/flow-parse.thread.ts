/**
 * The parsing thread of a flow analysis (flow-parse.ts, flow-parsing.ts): takes an input's bytes
 * in order and answers each chunk with one batch, transferred. The messages are handled in order,
 * so each input's lines are read in order by one reader, exactly as in one thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FlowParser, type ParseOptions, UnreadableInput } from './flow-parse.js';
import type { FromParseThread, ToParseThread } from './flow-parsing.js';

const port = parentPort!;
const parser = new FlowParser(workerData as ParseOptions);
let failed = false;

const send = (m: FromParseThread) => port.postMessage(m, m.t === 'batch' ? [m.batch.rows.buffer as ArrayBuffer] : []);

port.on('message', (m: ToParseThread) => {
  if (failed) return;
  try {
    if (m.t === 'begin') parser.begin(m.name);
    else if (m.t === 'chunk') send({ t: 'batch', batch: parser.chunk(m.buf), end: false });
    else send({ t: 'batch', batch: parser.end(), end: true });
  } catch (e) {
    failed = true;
    send(e instanceof UnreadableInput ? { t: 'unreadable', message: e.message } : { t: 'failed', message: (e as Error).message ?? String(e) });
  }
});

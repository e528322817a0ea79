/** Flow analysis over the API: posts the synthetic scenario's conn.log and waits for the job to settle. */
import { header, line, scenario } from '../../src/confirm/flows/synth.js';
import type { TestServer } from './server.js';
import { waitFor } from './wait.js';

export function scenarioConnLog(): string {
  return `${[...header('zeek-tsv'), ...[...scenario()].map((f, i) => line('zeek-tsv', f, i))].join('\n')}\n`;
}

/** Posts `body` (the scenario by default) and answers the analysis id and its settled GET body. */
export async function analyseAndWait(s: TestServer, token: string, body = scenarioConnLog(), query = 'name=conn.log') {
  const r = await s.api(`/api/v1/flows/analyses?${query}`, { token, body, headers: { 'content-type': 'text/plain' } });
  if (r.status !== 202) throw new Error(`flow analysis not accepted: ${r.status}`);
  const done = await waitFor(async () => {
    const j = await s.api(`/api/v1/flows/analyses/${r.body.id}`, { token });
    return j.body.status === 'done' || j.body.status === 'failed' ? j.body : null;
  });
  return { id: r.body.id as string, body, done };
}

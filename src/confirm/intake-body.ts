/**
 * The body of an intake request (pure): one JSON alert, a JSON array of them, or NDJSON (one
 * object a line, as Wazuh alerts.json and Suricata eve.json are written). A malformed body is
 * refused whole with the line at fault named, so a sender can retry it without losing a part.
 */
import type { Json } from './normalise/alert.js';
import { BadInputError } from '../platform/errors.js';

export const MAX_ALERTS_PER_REQUEST = 5000;

export function parseAlertsBody(text: string): Json[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new BadInputError('body: empty; send one JSON alert, a JSON array or NDJSON');
  let docs: Json[];
  if (body.startsWith('[')) {
    docs = parseJson(body, 'body') as Json[];
    if (!Array.isArray(docs)) throw new BadInputError('body: not a JSON array');
  } else {
    try {
      docs = [JSON.parse(body) as Json];
    } catch {
      docs = [];
      const lines = body.split(/\r?\n/);
      lines.forEach((line, i) => {
        if (line.trim()) docs.push(parseJson(line, `line ${i + 1}`));
      });
    }
  }
  // Copied into a new array only when a document is a list of findings (almost never): the
  // flatMap over every body cost ≈ 0.7 % of the intake's CPU (bench/README.md, sqlite15).
  if (docs.some((d) => findingsIn(d) !== null)) docs = docs.flatMap((d) => findingsIn(d) ?? [d]);
  if (docs.length > MAX_ALERTS_PER_REQUEST) throw new BadInputError(`body: ${docs.length} alerts in one request; send at most ${MAX_ALERTS_PER_REQUEST}`);
  docs.forEach((d, i) => {
    if (typeof d !== 'object' || d === null || Array.isArray(d)) throw new BadInputError(`alert ${i + 1}: not a JSON object`);
  });
  return docs;
}

/**
 * A GuardDuty or Security Hub GetFindings answer (`{"findings": [...]}`, or `{"Findings": [...]}` from boto3,
 * with `ResponseMetadata` beside it) is a list of alerts, not one: posted as is it became a
 * single `unparsed` alert and every finding in it went unread. An empty list stays as sent.
 * The findings of such a document, or null for any other.
 */
function findingsIn(d: Json): Json[] | null {
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return null;
  // Security Hub's EventBridge event carries a list of ASFF findings ("Security Hub Findings -
  // Imported", `detail.findings`): each is an alert.
  const detail = d.detail;
  if (d.source === 'aws.securityhub' && typeof detail === 'object' && detail !== null && !Array.isArray(detail) && Array.isArray(detail.findings) && detail.findings.length > 0) return detail.findings;
  const list = d.findings ?? d.Findings;
  if (!Array.isArray(list) || list.length === 0) return null;
  for (const k in d) if (!LIST_KEYS.has(k)) return null;
  return list;
}

const LIST_KEYS = new Set(['findings', 'Findings', 'ResponseMetadata', 'NextToken', 'nextToken']);

function parseJson(s: string, where: string): Json {
  try {
    return JSON.parse(s) as Json;
  } catch (e) {
    throw new BadInputError(`${where}: not valid JSON (${(e as Error).message.replace(/^JSON\.parse: /, '').slice(0, 120)})`);
  }
}

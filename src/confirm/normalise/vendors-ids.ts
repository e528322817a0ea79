/**
 * Normalisers for Wazuh, Suricata and Falco (pure). Field names follow the vendors' documented
 * shapes quoted in shared/reference/detection-containment.md §2.2.
 */
import { blank, hashesOf, ipsOf, isObj, type NormalisedAlert, num, type Obj, pick, str, strs, timeOf, uniq } from './alert.js';
import { scopeToAws } from './aws-principal.js';
import { fromFalco, fromSuricata, fromWazuhLevel } from './severity.js';

/** Wazuh alerts.json: `rule.level` 0–16, `agent`, decoded fields under `data.*`. */
export function isWazuh(o: Obj): boolean {
  return isObj(o.rule) && typeof num(pick(o, 'rule.level')) === 'number' && (isObj(o.agent) || isObj(o.decoder) || 'full_log' in o);
}

export function wazuh(o: Obj, receivedAt: string): NormalisedAlert {
  const a = blank('wazuh', receivedAt);
  const level = num(pick(o, 'rule.level')) ?? 0;
  a.sourceAlertId = str(o.id);
  a.rule = {
    id: str(pick(o, 'rule.id')),
    name: str(pick(o, 'rule.description')) ?? 'Wazuh alert',
    category: strs(pick(o, 'rule.groups'))[0] ?? null,
    mitre: strs(pick(o, 'rule.mitre.id')),
  };
  a.title = a.rule.name;
  a.severity = fromWazuhLevel(level);
  a.severityRaw = level;
  const t = timeOf(o.timestamp);
  if (t) [a.observedAt, a.observedAtLocal] = [t.utc, t.local];
  // The Windows event's own computer name (`data.win.system.computer`, Wazuh eventchannel
  // decoder) is how other tools (EDR, AD, Elastic `host.name`) name the machine; the agent name
  // is only what it was enrolled as.
  a.hosts = uniq(strs(pick(o, 'agent.name'), pick(o, 'predecoder.hostname'), pick(o, 'data.win.system.computer')));
  // FIM who-data names who changed the file: the audit user, the one who logged in (behind sudo)
  // and the effective one (Wazuh "Auditing who-data", syscheck.audit.*); Windows events name the
  // subject as well as the target. "-" and machine accounts (NAME$, the host acting) are no one.
  const [src, dst, target, aws] = [pick(o, 'data.srcuser'), pick(o, 'data.dstuser'), pick(o, 'data.win.eventdata.targetUserName'), pick(o, 'data.aws.userIdentity.userName')];
  a.users = uniq(
    strs(
      src,
      dst,
      target,
      pick(o, 'data.win.eventdata.subjectUserName'),
      aws,
      pick(o, 'syscheck.audit.login_user.name'),
      pick(o, 'syscheck.audit.user.name'),
      pick(o, 'syscheck.audit.effective_user.name'),
    ).filter((u) => u !== '-' && !u.endsWith('$')),
  );
  // The fingerprint reads the users as the normaliser read them before who-data (those four
  // paths, unfiltered): a Wazuh alert has no stable vendor key, and its repeat across the
  // upgrade must fold into the row stored before it (fixtures/fingerprints.txt).
  const basis = uniq(strs(src, dst, target, aws));
  if (basis.length !== a.users.length || basis.some((u, i) => u !== a.users[i])) a.dedupBasis = { users: basis };
  // AWS logs through the Wazuh AWS module (data.aws.*: CloudTrail's userIdentity, a GuardDuty
  // finding's accountId): the alert's account, and the IAM user's name is one per account.
  if (isObj(pick(o, 'data.aws'))) {
    const aid = pick(o, 'data.aws.userIdentity');
    const accountId = str(pick(aid, 'accountId')) ?? str(pick(o, 'data.aws.aws_account_id')) ?? str(pick(o, 'data.aws.accountId'));
    scopeToAws(a, accountId, [{ value: str(aws), name: str(aws), arn: str(pick(aid, 'arn')), account: accountId, type: str(pick(aid, 'type')), principalId: str(pick(aid, 'principalId')) }]);
    // The agent is the collector (the manager, agent 000, or whichever agent runs the module):
    // as a host it welded every account's AWS alerts into one suspect.
    const agent = str(pick(o, 'agent.name'));
    if (agent) a.collectedBy = agent;
  }
  a.ips = ipsOf(pick(o, 'agent.ip'), pick(o, 'data.srcip'), pick(o, 'data.dstip'), pick(o, 'data.win.eventdata.ipAddress'));
  a.hashes = hashesOf(pick(o, 'syscheck.md5_after'), pick(o, 'syscheck.sha1_after'), pick(o, 'syscheck.sha256_after'), pick(o, 'data.win.eventdata.hashes'));
  a.files = uniq(strs(pick(o, 'syscheck.path'), pick(o, 'data.file')));
  return a;
}

/** Suricata EVE with `event_type: "alert"` (docs.suricata.io eve-json-format). */
export function isSuricata(o: Obj): boolean {
  return o.event_type === 'alert' && isObj(o.alert);
}

export function suricata(o: Obj, receivedAt: string): NormalisedAlert {
  const a = blank('suricata', receivedAt);
  const sev = num(pick(o, 'alert.severity')) ?? 3;
  const sid = str(pick(o, 'alert.signature_id'));
  // One flow's alerts share flow_id: flow + signature is the alert's identity (reference §2.4).
  a.sourceAlertId = o.flow_id !== undefined && sid ? `${str(o.flow_id)}:${sid}` : null;
  a.rule = { id: sid, name: str(pick(o, 'alert.signature')) ?? 'Suricata alert', category: str(pick(o, 'alert.category')), mitre: [] };
  a.title = a.rule.name;
  a.severity = fromSuricata(sev);
  a.severityRaw = sev;
  const t = timeOf(o.timestamp);
  if (t) [a.observedAt, a.observedAtLocal] = [t.utc, t.local];
  // `host` is the sensor's name (EVE `sensor-name`). The HTTP Host header and the TLS SNI name
  // the server asked for — a domain, or an IP literal — not a machine of ours: as hosts they
  // made every visitor of the same site look like one machine to correlation.
  const names = strs(pick(o, 'http.hostname'), pick(o, 'tls.sni'), pick(o, 'dns.query.rrname'), pick(o, 'dns.rrname')).map((n) => n.replace(/\.$/, ''));
  a.hosts = uniq(strs(o.host));
  a.ips = ipsOf(o.src_ip, o.dest_ip, ...names);
  a.domains = uniq(names.filter((n) => ipsOf(n).length === 0));
  a.hashes = hashesOf(pick(o, 'fileinfo.md5'), pick(o, 'fileinfo.sha1'), pick(o, 'fileinfo.sha256'));
  a.files = uniq(strs(pick(o, 'fileinfo.filename')));
  return a;
}

/** Falco JSON output (falcosidekick types.go FalcoPayload). */
export function isFalco(o: Obj): boolean {
  return typeof o.rule === 'string' && typeof o.priority === 'string' && typeof o.output === 'string';
}

export function falco(o: Obj, receivedAt: string): NormalisedAlert {
  const a = blank('falco', receivedAt);
  const f = isObj(o.output_fields) ? o.output_fields : {};
  a.sourceAlertId = str(o.uuid);
  a.sourceRef = a.sourceAlertId;
  a.rule = { id: null, name: str(o.rule) ?? 'Falco alert', category: str(o.source), mitre: strs(o.tags).filter((t) => /^T\d{4}/.test(t)) };
  a.title = a.rule.name;
  a.severity = fromFalco(String(o.priority));
  a.severityRaw = String(o.priority);
  const t = timeOf(o.time) ?? timeOf(f['evt.time']);
  if (t) [a.observedAt, a.observedAtLocal] = [t.utc, t.local];
  a.hosts = uniq(strs(o.hostname, f['k8s.pod.name'], f['container.name']));
  a.users = uniq(strs(f['user.name'], f['ka.user.name']));
  a.ips = ipsOf(f['fd.sip'], f['fd.cip'], f['fd.rip'], f['fd.lip']);
  a.files = uniq(strs(f['fd.name']).filter((n) => n.startsWith('/')));
  return a;
}

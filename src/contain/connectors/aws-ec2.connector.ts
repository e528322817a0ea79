/**
 * AWS EC2 isolation (query API 2016-11-15, through @aws-sdk/client-ec2): every network interface
 * of the instance gets the isolation security group only — ModifyNetworkInterfaceAttribute with
 * Groups, per interface, since ModifyInstanceAttribute's Groups reach only one — and the previous
 * groups of each interface are saved at plan time for undo. Read back with DescribeInstances.
 *
 * Security groups are stateful: connections already tracked when the rules change go on until
 * they are idle (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-connection-tracking.html),
 * so the plan says so; a subnet NACL deny cuts them but hits every instance of the subnet, and is
 * left to the responder.
 */
import { z } from 'zod';
import { type ConnectorHandle, type ConnectorKind, type Operation, PermanentError } from '../connector.js';
import { AWS_SECRETS, AwsConfig, type AwsClients, awsClients, awsSend, awsWhoAmI } from './aws.js';

const Config = AwsConfig.extend({
  /** The default isolation group (no rules, or only the forensics host's): sg-…, in the instances' VPC. */
  isolationGroupId: z
    .string()
    .regex(/^sg-[0-9a-f]{8,17}$/)
    .optional(),
});
type Config = z.infer<typeof Config>;

export interface AwsEc2Handle extends ConnectorHandle, AwsClients {
  isolationGroupId?: string;
}

const Params = z.object({ isolationGroupId: z.string().regex(/^sg-[0-9a-f]{8,17}$/).optional() }).strict();
type Params = z.infer<typeof Params>;
/** Each network interface of the instance and its security groups, in the order AWS lists them. */
type Enis = { interfaces: Array<{ id: string; groups: string[] }> };

async function interfaces(h: AwsEc2Handle, instanceId: string): Promise<Enis> {
  if (!/^i-[0-9a-f]{8,17}$/.test(instanceId)) throw new PermanentError(`"${instanceId}" is not an EC2 instance id (i-…)`);
  const r = await awsSend(`${h.what} EC2`, () => h.ec2.send(new h.sdk.ec2.DescribeInstancesCommand({ InstanceIds: [instanceId] })), `EC2 instance ${instanceId} not found in ${h.what}`);
  const inst = r.Reservations?.flatMap((x) => x.Instances ?? []).find((i) => i.InstanceId === instanceId);
  if (!inst) throw new PermanentError(`EC2 instance ${instanceId} not found in ${h.what}`);
  const nis = [...(inst.NetworkInterfaces ?? [])].sort((a, b) => (a.Attachment?.DeviceIndex ?? 0) - (b.Attachment?.DeviceIndex ?? 0));
  if (!nis.length) throw new PermanentError(`EC2 instance ${instanceId} has no network interface (EC2-Classic or terminated)`);
  return { interfaces: nis.map((n) => ({ id: n.NetworkInterfaceId ?? '', groups: (n.Groups ?? []).map((g) => g.GroupId ?? '') })) };
}

function groupOf(h: AwsEc2Handle, p: Params): string {
  const g = p.isolationGroupId ?? h.isolationGroupId;
  if (!g) throw new PermanentError('no isolation security group: set isolationGroupId on the connector or the action');
  return g;
}

const setGroups = (h: AwsEc2Handle, eni: string, groups: string[]) =>
  awsSend(`${h.what} EC2`, () => h.ec2.send(new h.sdk.ec2.ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni, Groups: groups })), `network interface ${eni} or one of the groups ${groups.join(', ')} not found`);

const isolated = (s: Enis, g: string) => s.interfaces.every((n) => n.groups.length === 1 && n.groups[0] === g);

const isolate: Operation<AwsEc2Handle, Params, Enis> = {
  name: 'isolate-instance',
  title: "Isolate an instance: replace its security groups with the isolation group",
  target: 'EC2 instance id (i-…)',
  params: Params,
  reversible: true,
  approval: 'commander',
  async capture(h, t, p) {
    groupOf(h, p);
    return interfaces(h, t);
  },
  plan: (t, p, pre) => [
    ...pre.interfaces.map((n) => `${t} ${n.id}: ${n.groups.join(', ') || '(none)'} → ${p.isolationGroupId ?? '(the connector’s isolation group)'}`),
    'connections already open stay up until idle (security groups track connections): add a subnet NACL deny to cut them',
  ],
  async apply(h, t, p) {
    const g = groupOf(h, p);
    for (const n of (await interfaces(h, t)).interfaces) if (n.groups.length !== 1 || n.groups[0] !== g) await setGroups(h, n.id, [g]);
    return `${t}: every network interface in ${g} only`;
  },
  async verify(h, t, p) {
    const g = groupOf(h, p);
    const s = await interfaces(h, t);
    return { ok: isolated(s, g), observed: s.interfaces.map((n) => `${n.id}: ${n.groups.join(', ')}`).join('; ') };
  },
  describeUndo: (t, _p, pre) => `${t}: ${pre.interfaces.map((n) => `${n.id} back in ${n.groups.join(', ') || '(none)'}`).join('; ')}`,
  async undo(h, t, _p, pre) {
    const now = await interfaces(h, t);
    for (const n of pre.interfaces) {
      const cur = now.interfaces.find((c) => c.id === n.id);
      if (!cur) throw new PermanentError(`network interface ${n.id} is no longer attached to ${t}: its groups cannot be restored`);
      if (n.groups.length && cur.groups.join(',') !== n.groups.join(',')) await setGroups(h, n.id, n.groups);
    }
  },
};

export const awsEc2Connector: ConnectorKind<AwsEc2Handle, Config> = {
  kind: 'aws-ec2',
  title: 'AWS EC2 (isolation)',
  config: Config,
  secrets: AWS_SECRETS,
  operations: [isolate],
  connect: async (config, secrets) => ({ ...(await awsClients(config, secrets)), isolationGroupId: config.isolationGroupId }),
  async check(h) {
    const who = await awsWhoAmI(h);
    if (!h.isolationGroupId) return who;
    const g = h.isolationGroupId;
    await awsSend(`${h.what} EC2`, () => h.ec2.send(new h.sdk.ec2.DescribeSecurityGroupsCommand({ GroupIds: [g] })), `isolation group ${g} not found in ${h.what}`);
    return `${who}; isolation group ${g} exists`;
  },
};

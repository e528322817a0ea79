/**
 * Approval rules (pure). `none`: runs without approval; `commander`: one approval by an incident
 * commander (or admin); `two`: four eyes — the approver must be someone other than the requester.
 * Irreversible operations never have `none` (connector.ts effectiveApproval).
 */
import { canLead, type Principal } from '../platform/auth/roles.js';
import type { ApprovalPolicy } from './connector.js';

export interface ApprovalState {
  approval: ApprovalPolicy;
  requestedById: string | null;
  approvals: Array<{ userId: string; username: string; at: string }>;
}

/** Why `p` may not approve, or null when they may. */
export function approvalRefusal(a: ApprovalState, p: Principal): string | null {
  if (!canLead(p)) return `approving needs the role ${canLead.description}`;
  if (a.approvals.some((x) => x.userId === p.userId)) return `${p.username} has already approved this action`;
  if (a.approval === 'two' && a.requestedById === p.userId) return 'this action needs two people: the one who requested it cannot approve it';
  return null;
}

export function isApproved(a: ApprovalState): boolean {
  return a.approval === 'none' || a.approvals.length >= 1;
}

import { z } from 'zod';

export const EvidenceItemSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  name: z.string(),
  description: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string().describe('SHA-256 of the file as uploaded, hex'),
  privileged: z.boolean(),
  legalHold: z.boolean(),
  legalHoldReason: z.string().nullable(),
  custodian: z.string().describe('who holds the item now (after the last hand-over)'),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
  custodyRows: z.number().int(),
  deletedAt: z.string().nullable(),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

export const EvidencePageSchema = z.object({ items: z.array(EvidenceItemSchema), nextCursor: z.string().nullable() });

export const CustodyRowSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.unknown().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type CustodyRow = z.infer<typeof CustodyRowSchema>;

export const VerifyResultSchema = z.object({
  itemId: z.string(),
  ok: z.boolean(),
  sha256: z.string().describe('the recorded SHA-256'),
  size: z.number().int(),
  custodyRows: z.number().int(),
  problems: z.array(z.string()).describe('what no longer matches, e.g. "file hash differs", "custody row 3 altered"'),
  checkedAt: z.string(),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');

export const UploadQuerySchema = z.object({
  name: z.string().min(1).max(500).optional().describe('file name (or header X-Evidence-Name, percent-encoded)'),
  description: z.string().max(10_000).optional(),
  privileged: flag.optional(),
});

export const PageQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ContentQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).optional(),
  length: z.coerce.number().int().min(1).max(64 * 1024 * 1024).optional(),
  encoding: z.enum(['binary', 'base64']).default('binary').describe('base64: the range as base64 text (for clients that cannot read binary bodies)'),
});

export const HandoverSchema = z.object({
  from: z.string().min(1).max(300).optional().describe('current custodian; defaults to the recorded one and must match it'),
  to: z.string().min(1).max(300),
  reason: z.string().min(1).max(2000),
});

export const LegalHoldSchema = z.object({ hold: z.boolean(), reason: z.string().max(2000).optional() });
export const PrivilegeSchema = z.object({ privileged: z.boolean() });
export const DeleteQuerySchema = z.object({ reason: z.string().min(1).max(2000).optional() });

export const NoteSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  body: z.string(),
  privileged: z.boolean(),
  author: z.string().nullable(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;
export const CreateNoteSchema = z.object({ body: z.string().min(1).max(100_000), privileged: z.boolean().default(false) });
export const NotePageSchema = z.object({ items: z.array(NoteSchema), nextCursor: z.string().nullable() });

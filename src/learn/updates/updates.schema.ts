/** Zod types of stakeholder updates (API bodies and views). */
import { z } from 'zod';
import { UPDATE_EVENTS } from '../learn.ports.js';
import { AUDIENCES, type Audience } from './compose.js';

export const audienceSchema = z.enum(Object.keys(AUDIENCES) as [Audience, ...Audience[]]);

/**
 * A chat webhook URL: https, or http to this machine only (a relay or a test sink on loopback).
 * The URL is the webhook's secret: stored encrypted, shown only as its host.
 */
export const webhookUrlSchema = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
  } catch {
    return false;
  }
}, 'must be an https:// URL (http:// only to 127.0.0.1/localhost)');

export const audienceRecipientsSchema = z.object({
  emails: z.array(z.email()).max(500).default([]),
  webhooks: z.array(z.object({ format: z.enum(['slack', 'teams']), url: webhookUrlSchema })).max(20).default([]),
});
export type AudienceRecipients = z.infer<typeof audienceRecipientsSchema>;

export const audienceViewSchema = z.object({
  audience: audienceSchema,
  label: z.string(),
  external: z.boolean(),
  emails: z.array(z.string()).describe('masked'),
  webhooks: z.array(z.object({ format: z.enum(['slack', 'teams']), host: z.string() })),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type AudienceView = z.infer<typeof audienceViewSchema>;

export const updateEditSchema = z.object({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(20_000) });

export const updateViewSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  audience: audienceSchema,
  /** External audiences need an approval (by someone other than the drafter) before sending. */
  needsApproval: z.boolean(),
  trigger: z.string(),
  scheduleId: z.string().nullable(),
  status: z.enum(['draft', 'approved', 'sending', 'sent']),
  subject: z.string(),
  body: z.string(),
  version: z.number(),
  contentHash: z.string(),
  createdBy: z.string(),
  /** The caller drafted or last edited it, so cannot approve it. */
  draftedByMe: z.boolean(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  delivery: z.object({
    counts: z.record(z.string(), z.number()),
    recipients: z.array(z.object({ recipient: z.string(), channel: z.string(), state: z.string(), sentAt: z.string().nullable(), error: z.string().nullable() })),
  }),
});
export type UpdateView = z.infer<typeof updateViewSchema>;

export const scheduleInputSchema = z
  .object({
    audience: audienceSchema,
    /** Every N hours while the incident is open (fractions allowed, at least one minute). */
    everyHours: z.number().min(1 / 60).max(24 * 14).optional(),
    events: z.array(z.enum(UPDATE_EVENTS)).max(UPDATE_EVENTS.length).default([]),
    /** The first periodic update (default: now + everyHours). */
    firstAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((s) => s.everyHours !== undefined || s.events.length > 0, 'give everyHours, events, or both');

export const scheduleViewSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  audience: audienceSchema,
  everyHours: z.number().nullable(),
  events: z.array(z.enum(UPDATE_EVENTS)),
  active: z.boolean(),
  nextAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;

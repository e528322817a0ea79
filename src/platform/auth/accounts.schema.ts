import { z } from 'zod';
import { ROLES } from './roles.js';

export const RoleSchema = z.enum(ROLES);

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});

export const CreateUserSchema = z.object({
  email: z.string().email(),
  username: z.string().min(1).max(64).optional(),
  displayName: z.string().min(1).max(200).optional(),
  roles: z.array(RoleSchema).min(1),
  password: z.string().min(12).max(1000).optional(),
});

export const LoginSchema = z.object({
  login: z.string().min(1).max(320).describe('user name or e-mail'),
  password: z.string().min(1).max(1000),
});

export const MeSchema = z.object({
  user: UserSchema,
  roles: z.array(RoleSchema),
  via: z.enum(['session', 'token', 'cli']),
  permissions: z.record(z.string(), z.boolean()),
  csrfToken: z.string().nullable(),
  /** True while a second factor required by the caller's role is not set up: only set-up answers. */
  secondFactorEnrollmentRequired: z.boolean().optional(),
  /** False when no SMTP server is configured (BREACHDESK_SMTP_URL): e-mail notices and reminders cannot go out. */
  mailConfigured: z.boolean().optional(),
});

/** The sign-in answer when a second factor must complete it (the pending sign-in is a cookie). */
export const SecondFactorNeededSchema = z.object({
  secondFactor: z.object({ methods: z.array(z.enum(['totp', 'webauthn', 'recovery_code'])) }),
});

export const TokenSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const PageQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

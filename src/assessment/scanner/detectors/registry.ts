/**
 * The explicit list of detectors (DESIGN.md: registered in lists, never by import side effects).
 * Every ElementId and SecretType of types.ts has exactly one entry (checked by registry.test.ts).
 */
import type { ElementId, SecretType } from '../types.js';
import { paymentCardPartial } from './card-partial.js';
import { deviceId, email, geolocation, ipAddress, ipAddressInternal, phone } from './contact.js';
import { CONTEXT_DETECTORS } from './context-only.js';
import type { Detector } from './detector.js';
import { bankAccount, cardSecurityCode, iban, paymentCard, usRoutingNumber } from './financial.js';
import { passwordHash } from './hashes.js';
import { nationalId, usItin, usSsn } from './national-ids.js';
import { SECRET_DETECTORS } from './secrets.js';

export const DETECTORS: readonly Detector[] = [
  email,
  phone,
  usSsn,
  usItin,
  nationalId,
  paymentCard,
  paymentCardPartial,
  iban,
  usRoutingNumber,
  bankAccount,
  cardSecurityCode,
  ipAddress,
  ipAddressInternal,
  geolocation,
  deviceId,
  passwordHash,
  ...CONTEXT_DETECTORS,
  ...SECRET_DETECTORS,
];

const BY_ID = new Map<string, Detector>(DETECTORS.map((d) => [d.id, d]));

export function detectorFor(id: ElementId | SecretType): Detector {
  const d = BY_ID.get(id);
  if (!d) throw new Error(`no detector registered for ${id}`);
  return d;
}

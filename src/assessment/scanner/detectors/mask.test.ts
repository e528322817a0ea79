import { describe, expect, it } from 'vitest';
import { maskValue } from './mask.js';

describe('maskValue', () => {
  it.each([
    ['email', 'jane@example.com', 'j***@example.com'],
    ['us_ssn', '536904399', '***-**-4399'],
    ['us_ssn', '536-90-4399', '***-**-4399'],
    ['payment_card', '4111111111111111', '**** **** **** 1111'],
    ['iban', 'DE89370400440532013000', 'DE** **** … 3000'],
    ['phone', '+12024561111', '+*********11'],
    ['person_name', 'Jane Doe', 'J*** D***'],
    ['national_id', 'AB123456C', '*******6C'],
    ['github_token', 'ghp_abcdefghijklmnopqrstuvwxyzABCDEFx9Q', 'ghp_…x9Q'],
    ['stripe_key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_…7dc'],
    ['generic_secret', 'Xk9#mQ2$vL7pR4t', '…R4t'],
    ['ai_api_key', 'sk-ant-api03-Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7AA', 'sk-ant-api03-…7AA'],
    ['hosting_token', 'dop_v1_3f9a0c4e7b21d86f5a0e9c3b7d14f2a6e8c05b9d3a71f4e2c6b08d5a9e3f17c2', 'dop_v1_…7c2'],
    ['database_url', 'postgres://jane.doe:Qm3x9LpV2sR7@db.internal:5432/prod', 'postgres://…@db.internal'],
    ['url_credential', 'https://apiuser:r3alP4ssw0rd@api.production.com', 'https://…@api.production.com'],
  ] as const)('%s %s → %s', (el, v, masked) => expect(maskValue(el, v)).toBe(masked));

  it('never returns the full value of a short secret', () => {
    expect(maskValue('generic_secret', 'abc123')).toBe('…');
    expect(maskValue('aws_access_key_id', 'AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…PLE');
  });
  it('keeps at most two characters by default', () => expect(maskValue('health', 'Type 2 diabetes')).toBe('*************es'));
});

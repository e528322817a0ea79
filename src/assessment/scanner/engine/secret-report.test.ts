import { describe, expect, it } from 'vitest';
import { ExposureReportSchema } from '../../scan.schema.js';
import { maskValue } from '../detectors/mask.js';
import { scanText } from '../detectors/text-scan.js';
import { buildSecretReport, mergeSecretTally, type SecretTally, secretTargets, tallySecret } from './secret-report.js';

const tally = (text: string): SecretTally => {
  const t: SecretTally = { secrets: {} };
  for (const f of scanText(text, { people: false }).secrets) tallySecret(t, f, maskValue);
  return t;
};

describe('secret report (issue 14 §1–3)', () => {
  it('keeps the values a responder revokes only when asked (server scans): the AWS key id for a secret key, distinct, merged', () => {
    const text = 'AWS_ACCESS_KEY_ID=AKIAZ7VRSQ5TJBFE1234 AWS_SECRET_ACCESS_KEY=kQ3vZ8pL2mN7xR4tY9wB1cF6hJ0dS5gA/eU+iO3k token ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const raw = (): SecretTally => {
      const t: SecretTally = { secrets: {} };
      for (const f of scanText(text, { people: false }).secrets) tallySecret(t, f, maskValue, true);
      return t;
    };
    expect(tally(text).secrets.github_token?.targets).toBeUndefined();
    const a = raw();
    mergeSecretTally(a, raw());
    expect(secretTargets(a)).toEqual({
      'secret:aws_access_key_id:aws': ['AKIAZ7VRSQ5TJBFE1234'],
      'secret:aws_secret_access_key:aws': ['AKIAZ7VRSQ5TJBFE1234'],
      'secret:github_token:github': ['ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'],
    });
    // Never in the report.
    expect(JSON.stringify(buildSecretReport(a))).not.toContain('AKIAZ7VRSQ5TJBFE1234');
  });

  it('gives family, providers, masked identities and revocation steps; keeps suspects apart', () => {
    const a = tally('AWS_ACCESS_KEY_ID=ASIAZ7VRSQ5TJBFEXKW2 AWS_SECRET_ACCESS_KEY=kQ3vZ8pL2mN7xR4tY9wB1cF6hJ0dS5gA/eU+iO3k');
    const b = tally('DATABASE_URL=postgres://app:Qm3x9LpV2sR7@db.internal:5432/prod and -----BEGIN OPENSSH PRIVATE KEY-----');
    mergeSecretTally(a, b);
    const r = buildSecretReport(a);
    expect(r.secrets.aws_access_key_id).toMatchObject({ count: 1, family: 'cloud_credential', providers: { aws: 1 } });
    expect(r.secrets.aws_access_key_id.revocation).toEqual([expect.objectContaining({ provider: 'aws', kind: 'temporary_access_key', action: 'revoke_sessions', revocable: true })]);
    expect(r.secrets.aws_secret_access_key.identities).toEqual(['ASIA…KW2']);
    expect(r.secrets.aws_secret_access_key.revocation?.[0].action).toBe('deactivate_access_key');
    expect(r.secrets.database_url).toMatchObject({ samples: ['postgres://…@db.internal'], family: 'database_url', providers: { database: 1 } });
    expect(r.secrets.database_url.revocation?.[0].action).toBe('rotate_password');
    expect(r.secretFamilies).toEqual({ cloud_credential: { count: 2, providers: { aws: 2 } }, database_url: { count: 1, providers: { database: 1 } } });
    // The lone BEGIN line proves nothing about the key: a suspect, not a secret.
    expect(r.secrets.private_key).toBeUndefined();
    expect(r.suspectSecrets).toEqual({ private_key: { count: 1, samples: ['-----BEGIN OPENSSH PRIVATE KEY-----…'] } });
  });

  it('names the GCP service account of a key file and says JWTs cannot be revoked', () => {
    const key = readKey();
    const r = buildSecretReport(tally(`{"type": "service_account", "private_key_id": "${'ab12'.repeat(10)}", "private_key": "${key}", "client_email": "etl@acme-prod.iam.gserviceaccount.com"}`));
    expect(Object.keys(r.secrets)).toEqual(['cloud_credential']);
    expect(r.secrets.cloud_credential).toMatchObject({ count: 1, identities: ['etl@acme-prod.iam.gserviceaccount.com'], providers: { gcp: 1 } });
    expect(r.secrets.cloud_credential.revocation?.[0].action).toBe('delete_service_account_key');
    const jwt = buildSecretReport(tally('Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5ODc2NTQzMjEwIiwibmFtZSI6IkFubmEifQ.Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7iO3kXy4'));
    expect(jwt.secrets.jwt.revocation?.[0]).toMatchObject({ revocable: false, action: 'rotate_signing_key' });
  });

  it('fits the ExposureReport v1 schema (fields only added)', () => {
    const r = buildSecretReport(tally('npm_Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7'));
    const report = { version: 1, files: [], totals: { records: 1, recordsWithPersonalData: 0, individuals: 0, individualsMethod: 'strong-identifiers' }, elements: {}, combinations: [], jurisdictions: {}, columns: [], matching: { customers: 0, matched: 0, unmatched: 0 }, performance: { durationMs: 1, bytesPerSecond: 1, peakRssBytes: 1 }, ...r };
    expect(ExposureReportSchema.parse(report).secrets.package_registry_token.revocation?.[0].reference).toBe('https://docs.npmjs.com/revoking-access-tokens');
    // A report made before issue 14 (no family fields) still parses.
    expect(() => ExposureReportSchema.parse({ ...report, secrets: { github_token: { count: 1, samples: ['ghp_…x9Q'] } }, secretFamilies: undefined, suspectSecrets: undefined })).not.toThrow();
  });
});

/** The RSA key of gitleaks' privatekey.go tps, as a JSON string value (\n escapes). */
function readKey(): string {
  return '-----BEGIN PRIVATE KEY-----\\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEmo3qGy0t6z09AIJtH+5OeRV1be+N4cDYJKffGzDa88vQENZiRm0GRq6a+HPGQMd2kTQ==\\n-----END PRIVATE KEY-----\\n';
}

describe('PEM keys in line-based files', () => {
  it('scans a BEGIN line with the body lines that follow, so the key material is checked', async () => {
    const { processBatch } = await import('./batch.js');
    const { defaultDetection } = await import('./default-detection.js');
    const { randomBytes } = await import('node:crypto');
    const key = readKey().split('\\n').filter(Boolean);
    const lines = ['deploy log', ...key, 'done', '-----BEGIN RSA PRIVATE KEY-----', 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', '-----END RSA PRIVATE KEY-----'];
    const out = processBatch({ kind: 'lines', key: randomBytes(32), lines }, defaultDetection);
    // The real key is one secret (unencrypted); the dummy block is neither a secret nor a suspect.
    expect(out.secrets.private_key).toMatchObject({ count: 1, kinds: { 'pem:unencrypted': 1 } });
    expect(out.suspects).toBeUndefined();
  });
});

/**
 * Secret detectors, one per SecretType (registry.ts lists them): the column-mode face of the
 * credential rules in secret-rules.ts / secret-structured.ts (run by secret-scan.ts), plus the
 * generic keyword = value secret, kept only above an entropy threshold and when the value is not a
 * placeholder (CredData labelling rules: templates and references are not secrets).
 */
import type { SecretFinding, SecretType } from '../types.js';
import { type Detector, shannon } from './detector.js';
import { judgeSecret } from './secret-placeholder.js';
import { scanSecrets } from './secret-scan.js';
import { registryAuthValue } from './secret-structured.js';

/** Placeholders, templates and references that are not secrets (detect-secrets heuristics, CredData). */
export function looksLikePlaceholder(v: string): boolean {
  const l = v.toLowerCase();
  // References to a value kept elsewhere: $VAR, ${VAR}, $(cmd), %VAR%, {{var}}, <your-key>, env lookups.
  if (/^\$[a-z_][a-z0-9_]*$|^\$\(|^%[a-z_][a-z0-9_]*%$|\$\{|\{\{|<[^>]*>|%s|process\.env|getenv|\(\)|^\*+$|^x+$|^\.+$|^\[[a-z_ -]*\]$/.test(l)) return true;
  if (/(?:example|changeme|change_me|placeholder|your_|yourpass|dummy|sample|redacted|xxxx|\*\*\*|todo|fixme|insert|replace)/.test(l)) return true;
  if (/^(?:password|secret|token|none|null|true|false|undefined|string|value)$/.test(l)) return true;
  return false;
}

/** Minimum Shannon entropy (bits/char) for generic assignments (detect-secrets uses 3.0 for hex, 4.5 for base64 strings). */
export const GENERIC_SECRET_MIN_ENTROPY = 3.0;

export function validateGenericSecret(value: string, minLength = 8): SecretFinding | null {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (v.length < minLength || v.length > 200 || /\s/.test(v) || looksLikePlaceholder(v) || judgeSecret(v, v, 0) === 'placeholder') return null;
  // Below 10 characters even a random value cannot reach 3 bits/char: ask for nearly all distinct.
  if (shannon(v) < Math.min(GENERIC_SECRET_MIN_ENTROPY, Math.log2(v.length) - 0.5)) return null;
  return { type: 'generic_secret', value: v, family: 'generic_secret', provider: 'generic' };
}

/** A detector whose values are credentials of `type` (not suspects), found by the rules. */
function byRules(type: SecretType, description: string, fixtures: Detector['fixtures'], sampleable = true): Detector {
  return {
    id: type,
    kind: 'secret',
    description,
    validate(value) {
      for (const f of scanSecrets(value.trim())) if (f.type === type && !f.suspect) return f;
      return null;
    },
    sampleable,
    fixtures,
  };
}

/**
 * A config.json read as JSON is records whose `auth` cell is bare base64 `user:password` — no
 * `"auths"` around it for the rule to see. Before, a leaked Docker config reported no credential.
 */
function registryAuth(d: Detector): Detector {
  const rules = d.validate;
  return { ...d, validate: (value) => rules(value) ?? registryAuthValue(value) };
}

const TOK = 'Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7iO3kXy4NvT';
const HEX = '3f9a0c4e7b21d86f5a0e9c3b7d14f2a6e8c05b9d3a71f4e2c6b08d5a9e3f17c2';
const RSA_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEmo3qGy0t6z09AIJtH+5OeRV1be+N4cDYJKffGzDa88vQENZiRm0GRq6a+HPGQMd2kTQ==\n-----END RSA PRIVATE KEY-----';

export const SECRET_DETECTORS: readonly Detector[] = [
  byRules('aws_access_key_id', 'AWS access key ID (AKIA long-term, ASIA temporary, ABIA STS bearer, ACCA context + 16 characters)', { ok: ['AKIAZ7VRSQ5TJBFEXKW2', 'ASIAY34FZKBOKMUTVV7A', 'ABIAY34FZKBOKMUTVV7A'], ng: ['AKIA1234', 'akiaiosfodnn7example', 'AKIBIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE', 'AKIAXXXXXXXXXXXXXXXX'] }),
  {
    id: 'aws_secret_access_key',
    kind: 'secret',
    description: 'AWS secret access key (40 base64 characters, only near an AWS keyword or key id)',
    keywords: ['aws_secret', 'aws secret', 'secret_access_key', 'secretaccesskey'],
    validate(value) {
      const v = value.trim();
      if (!/^[A-Za-z0-9/+]{40}$/.test(v) || shannon(v) <= 4 || !/[A-Z]/.test(v) || !/[a-z0-9]/.test(v) || /EXAMPLEKEY$/.test(v)) return null;
      return { type: 'aws_secret_access_key', value: v, family: 'cloud_credential', provider: 'aws', kind: 'secret_access_key' };
    },
    fixtures: { ok: ['kQ3vZ8pL2mN7xR4tY9wB1cF6hJ0dS5gA/eU+iO3k'], ng: ['a'.repeat(40), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE'] },
  },
  byRules('github_token', 'GitHub token (ghp_ classic PAT, github_pat_ fine-grained PAT, gho_ OAuth, ghu_/ghs_ app, ghr_ refresh)', { ok: [`ghp_${TOK.slice(0, 36)}`, `gho_${TOK.slice(1, 37)}`, `github_pat_${TOK.slice(0, 22)}_${TOK}${TOK.slice(0, 13)}`], ng: ['ghp_short', `ghx_${TOK.slice(0, 36)}`, `ghp_${'x'.repeat(36)}`] }),
  byRules('gitlab_token', 'GitLab token of every kind (glpat-, gldt-, glrt-, glptt-, gloas-, glft-, glimt-, glagent-, glsoat-, glffct-, glcbt-, GR1348941)', { ok: ['glpat-xYz12AbC34dEf56GhI78', 'glrt-Qm3x9LpV2sR7tK4wZ8yB', 'gldt-Ab3dE9gH2jK5mN8pQ1sT'], ng: ['glpat-short', 'glpa-xYz12AbC34dEf56GhI78', 'glpat-XXXXXXXXXXX-XXXXXXXX'] }),
  byRules('slack_token', 'Slack token (xoxb- bot, xoxp- user, xapp- app, xoxe config, legacy xoxa/xoxr/xoxo/xoxs) or incoming webhook', { ok: ['xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'xapp-1-A052FGTS2DL-5171572773297-610b6a11f4b7eb819e87b767d80e6575a3634791acb9a9ead051da879eb5b55e', 'https://hooks.slack.com/services/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'], ng: ['xoxz-123456789012-abc', 'xoxb-abc', 'xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx'] }),
  byRules('stripe_key', 'Stripe secret or restricted key (sk_live_/rk_live_ live, sk_test_/rk_test_ test) or webhook secret', { ok: ['sk_live_51Hq8ZtK3mVx9LpQr2', 'rk_live_51HxYzAbCdEf'], ng: ['pk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_short', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_AAAAAAAAAAAAAAAAAAAAAAAA'] }),
  byRules('google_api_key', 'Google API key (AIza + 35 characters)', { ok: ['AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe'], ng: ['AIzaShort', 'AIzbSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe', 'AIzaSyabcdefghijklmnopqrstuvwxyz1234567'] }),
  byRules('private_key', 'PEM/OpenSSH/PGP private key whose body is key material (encrypted or not, reported apart)', { ok: [RSA_KEY], ng: ['-----BEGIN PUBLIC KEY-----', '-----BEGIN CERTIFICATE-----', `-----BEGIN RSA PRIVATE KEY-----\n${'X'.repeat(64)}\n-----END RSA PRIVATE KEY-----`] }),
  byRules('jwt', 'JSON Web Token: three base64url parts, header a JOSE header with "alg" (RFC 7519/7515)', {
    ok: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5ODc2NTQzMjEwIiwibmFtZSI6IkFubmEifQ.Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7iO3kXy4'],
    ng: ['eyJub3BlIjoxfQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc', 'eyJhbGciOiJIUzI1NiJ9', 'abc.def.ghi'],
  }),
  {
    id: 'generic_secret',
    kind: 'secret',
    description: 'Generic secret: password/secret/token/api_key assignment whose value has high entropy and is not a placeholder',
    keywords: ['password', 'passwd', 'pwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'auth', 'credential'],
    validate: validateGenericSecret,
    fixtures: { ok: ['Xk9#mQ2$vL7pR4t', 'f8a3c1e9b27d4a6f'], ng: ['changeme', '$' + '{DB_PASSWORD}', '<your-password>', 'aaaaaaaaaa', 'example-token-123', 'short'] },
  },
  byRules('cloud_credential', 'Cloud credential: GCP service-account key JSON (with client_email), Azure storage/shared access keys, SAS signatures and client secrets, Alibaba access keys', { ok: ['DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=q8Vd2LmR7xT4kP9wZ3nB6yH1cF5jS0gA2eU7iO3kXy4NvTQm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7iOab==;EndpointSuffix=core.windows.net', 'LTAI5tQm3x9LpV2sR7tK4wZ8'], ng: ['AccountKey=short', 'LTAIXXXXXXXXXXXXXXXXXXXX'] }),
  byRules('vcs_token', 'Version-control token of Bitbucket (ATBB app passwords, ATCTT access tokens)', { ok: ['ATBB3xQm9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7'], ng: ['ATBB', 'ATBBXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'] }),
  byRules('chat_token', 'Chat token: Discord webhooks, Telegram bot tokens', { ok: ['https://discord.com/api/webhooks/112233445566778899/Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7iO3kXy4Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0d'], ng: ['https://discord.com/api/webhooks/1/x'] }),
  byRules('payment_api_key', 'Payment API key: Square, Braintree, Flutterwave', { ok: ['sq0atp-Qm3x9LpV2sR7tK4wZ8yB1c'], ng: ['sq0atp-short'] }),
  byRules('ai_api_key', 'AI API key: OpenAI (sk-proj-, sk-svcacct-, sk-admin-, sk-…T3BlbkFJ…), Anthropic (sk-ant-), Hugging Face (hf_), Groq (gsk_)', { ok: [`sk-ant-api03-${'Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7iO3kXy4'.repeat(2)}abcdefgAA`, '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'], ng: ['sk-ant-api03-short', 'hf_short'] }, true),
  byRules('messaging_api_key', 'Messaging API key: SendGrid (SG.), Twilio (SK…), Mailgun, Mailchimp', { ok: [`SG.${TOK.slice(0, 22)}.${TOK.slice(3, 46)}`], ng: ['SG.short'] }),
  byRules('monitoring_api_key', 'Monitoring API key: New Relic (NRAK-), Sentry (sntrys_), Grafana (glsa_, glc_), Dynatrace (dt0c01.), Datadog (by key name)', { ok: ['NRAK-QM3X9LPV2SR7TK4WZ8YB1CF6HJ0'], ng: ['NRAK-short'] }),
  byRules('hosting_token', 'Hosting token: Heroku (HRKU-AA, API key by name), DigitalOcean (dop_v1_, doo_v1_, dor_v1_), Fly.io, Scalingo (tk-us-)', { ok: [`dop_v1_${HEX}`], ng: ['dop_v1_short', `dop_v1_${'0'.repeat(64)}`] }),
  byRules('infrastructure_token', 'Infrastructure token: HashiCorp Vault (hvs., hvb.), Terraform Cloud (.atlasv1.), Pulumi (pul-), 1Password (ops_, A3- secret keys), Doppler (dp.pt. …), Databricks (dapi), PlanetScale (pscale_), OpenShift (sha256~), Prefect (pnu_), ClickHouse Cloud (4b1d), Infracost (ico-)', { ok: [`pul-${HEX.slice(0, 40)}`], ng: ['pul-short'] }),
  byRules('ecommerce_token', 'E-commerce token: Shopify (shpat_, shpss_, shpca_, shppa_), EasyPost (EZAK, EZTK), Shippo (shippo_live_), Duffel (duffel_live_)', { ok: [`shpat_${HEX.slice(0, 32)}`], ng: ['shpat_short'] }),
  byRules('package_registry_token', 'Package-registry token: npm (npm_), PyPI (pypi-AgEIcHlwaS5vcmc…), RubyGems, Clojars, JFrog Artifactory (AKCp, cmVmd)', { ok: [`npm_${TOK.slice(0, 36)}`], ng: ['npm_short', `npm_${'a'.repeat(36)}`] }),
  byRules('saas_api_key', 'Developer/collaboration SaaS API key: Linear (lin_api_), Postman (PMAK-), Typeform (tfp_), ReadMe (rdme_), Frame.io (fio-u-), Adobe client secret (p8e-)', { ok: [`lin_api_${TOK.slice(0, 40)}`], ng: ['lin_api_short', `lin_api_${'x'.repeat(40)}`] }),
  registryAuth(byRules('container_registry_auth', 'Container-registry credential: Docker Hub tokens (dckr_pat_), config.json "auths" (base64 user:password, also as the `auth` field of a parsed config.json)', { ok: ['dckr_pat_Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0', 'Y2k6VHE4dlhlMkxtWjRyTnA3S3MxV2Q='], ng: ['dckr_pat_tooshort', 'dXNlcjpwYXNzd29yZA=='] })),
  byRules('database_url', 'Database connection string with a password (postgres, mysql, mongodb(+srv), redis, amqp, sqlserver, JDBC)', { ok: ['postgres://app:Qm3x9LpV2sR7@db.internal:5432/prod', 'mongodb+srv://svc:hub24aoeu@cluster0.mongodb.net/test'], ng: ['postgres://db.internal:5432/prod', 'mongodb://username:password@localhost:27017/db', 'mysql://user:$' + '{PASSWORD}@example.com/db'] }, false),
  byRules('url_credential', 'URL with a user and password (https://user:pass@host, ftp…)', { ok: ['https://apiuser:r3alP4ssw0rd@api.production.com/v2'], ng: ['https://api.production.com/v2', 'https://user:password@host'] }, false),
];

/**
 * Credential rules by family (issue 14 §1), after the intent of gitleaks' rule set (MIT; patterns
 * re-written here from each vendor's documented token format). Every rule is anchored on a literal
 * keyword of the free-text prefilter (a vendor prefix such as `glpat-`, or a provider name for
 * tokens without one), so a line without a keyword costs nothing; the rule's pattern then runs
 * sticky at the keyword only. Structured rules (PEM keys, service-account JSON, connection
 * strings) live in secret-structured.ts.
 */
import type { SecretType } from '../types.js';
import type { SecretFamily } from './secret-families.js';

export interface SecretRule {
  id: string;
  type: SecretType;
  family: SecretFamily;
  provider: string;
  /** Kind by the matched text (a prefix decides it: ASIA → temporary_access_key). */
  kind?: string | ((m: string) => string | undefined);
  /** Lower-case literals (≥ 3 characters) that start the token or name the provider. */
  keywords: string[];
  /** Runs sticky at the keyword; group 1, when present, is the secret. */
  re: RegExp;
  /** Length of the vendor prefix, left out of the entropy and placeholder checks. */
  prefix?: number | RegExp;
  /** Bits per character under which a match is only `suspect` (gitleaks' per-rule entropy). */
  minEntropy?: number;
  /** The value alone identifies the credential (a vendor prefix), so a `key = value` match may use it. */
  bare?: boolean;
  /** The keyword sits inside the token: it may start up to this many word characters before it. */
  back?: number;
}

/**
 * gitleaks' "semi-generic" shape for tokens with no prefix: the provider's name in the key, an
 * assignment operator, then the value (utils.GenerateSemiGenericRegex, re-written).
 */
export function semi(value: string): RegExp {
  return new RegExp(`[\\w.-]{0,50}?[\\w \\t.-]{0,20}(?:\\\\*['"]{0,3})?[ \\t]{0,5}(?:[<>?+]?=|:{1,3}=|=>|>|:|\\(|,|\\|)(?:\\\\*['"]|[\`\\s=|>]){0,5}(${value})(?:['"\`\\s;\\\\<,)]|$)`, 'y');
}

const HEX = '[a-f0-9]';
const END = '(?![A-Za-z0-9_-])';
const kindByPrefix = (table: Record<string, string>) => (m: string) => {
  for (const [p, k] of Object.entries(table)) if (m.startsWith(p)) return k;
  return undefined;
};

const slackKind = kindByPrefix({ 'xoxb-': 'bot_token', 'xoxp-': 'user_token', 'xoxe.': 'configuration_token', 'xoxe-': 'user_token', 'xapp-': 'app_token', 'xoxa-': 'workspace_token', 'xoxr-': 'workspace_refresh_token', 'xoxo-': 'legacy_token', 'xoxs-': 'legacy_token' });
const vendor = (r: Omit<SecretRule, 'bare'>): SecretRule => ({ bare: true, ...r });

export const PREFIX_RULES: SecretRule[] = [
  // ---- cloud ----
  vendor({
    id: 'aws-access-key-id', type: 'aws_access_key_id', family: 'cloud_credential', provider: 'aws',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    // IAM unique-id prefixes: AKIA access key, ASIA STS temporary key, ABIA STS bearer token, ACCA context credential.
    re: /(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/y, prefix: 4,
    kind: kindByPrefix({ AKIA: 'access_key', ASIA: 'temporary_access_key', ABIA: 'sts_bearer_token', ACCA: 'context_credential', A3T: 'access_key' }),
  }),
  vendor({ id: 'gcp-api-key', type: 'google_api_key', family: 'cloud_credential', provider: 'gcp', kind: 'api_key', keywords: ['aiza'], re: /AIza[\w-]{35}(?![\w])/y, prefix: 4, minEntropy: 3.5 }),
  vendor({ id: 'alibaba-access-key-id', type: 'cloud_credential', family: 'cloud_credential', provider: 'alibaba', kind: 'access_key', keywords: ['ltai'], re: /LTAI[a-zA-Z0-9]{20}(?![A-Za-z0-9])/y, prefix: 4 }),
  vendor({ id: 'azure-storage-key', type: 'cloud_credential', family: 'cloud_credential', provider: 'azure', kind: 'storage_account_key', keywords: ['accountkey='], re: /AccountKey=([A-Za-z0-9+/]{86}==)/iy }),
  vendor({ id: 'azure-shared-access-key', type: 'cloud_credential', family: 'cloud_credential', provider: 'azure', kind: 'shared_access_key', keywords: ['sharedaccesskey='], re: /SharedAccessKey=([A-Za-z0-9+/]{42,44}=)/iy }),
  vendor({ id: 'azure-sas-signature', type: 'cloud_credential', family: 'cloud_credential', provider: 'azure', kind: 'sas_token', keywords: ['&sig=', '?sig='], re: /[&?]sig=((?:[A-Za-z0-9]|%2[Bb]|%2[Ff]){40,60}(?:%3[Dd]|=))/y }),
  vendor({ id: 'azure-ad-client-secret', type: 'cloud_credential', family: 'cloud_credential', provider: 'azure', kind: 'client_secret', keywords: ['8q~', '7q~'], re: /[\w~.]{3}[78]Q~[a-zA-Z0-9_~.-]{31,34}(?![\w~.-])/y, back: 3, prefix: 6 }),
  // ---- version control ----
  vendor({
    id: 'github-token', type: 'github_token', family: 'vcs_token', provider: 'github',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    re: /(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])/y, prefix: /^(?:gh._|github_pat_)/,
    kind: kindByPrefix({ ghp_: 'classic_pat', gho_: 'oauth_token', ghu_: 'app_user_token', ghs_: 'app_installation_token', ghr_: 'refresh_token', github_pat_: 'fine_grained_pat' }),
  }),
  vendor({
    id: 'gitlab-token', type: 'gitlab_token', family: 'vcs_token', provider: 'gitlab',
    // docs.gitlab.com/ee/security/tokens/#token-prefixes
    keywords: ['glpat-', 'gldt-', 'glffct-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'glptt-', 'glrt-', 'glsoat-', 'glcbt-', 'gr1348941', '_gitlab_session='],
    re: /(?:gl(?:pat|dt|ffct|ft|imt|agent|oas|ptt|rt|soat|cbt)-[0-9A-Za-z_.-]{20,300}|GR1348941[\w-]{20}|_gitlab_session=([0-9a-z]{32}))(?![\w.-])/y,
    prefix: /^(?:gl[a-z]+-|GR1348941)/,
    kind: kindByPrefix({ 'glpat-': 'personal_access_token', 'gldt-': 'deploy_token', 'glffct-': 'feature_flag_client_token', 'glft-': 'feed_token', 'glimt-': 'incoming_mail_token', 'glagent-': 'kubernetes_agent_token', 'gloas-': 'oauth_app_secret', 'glptt-': 'pipeline_trigger_token', 'glrt-': 'runner_authentication_token', 'glsoat-': 'scim_token', 'glcbt-': 'ci_job_token', GR1348941: 'runner_registration_token', _gitlab_session: 'session_cookie' }),
  }),
  vendor({ id: 'bitbucket-app-password', type: 'vcs_token', family: 'vcs_token', provider: 'bitbucket', kind: 'app_password', keywords: ['atbb'], re: /ATBB[a-zA-Z0-9_=.-]{28,}(?![\w=.-])/y, prefix: 4 }),
  vendor({ id: 'bitbucket-access-token', type: 'vcs_token', family: 'vcs_token', provider: 'bitbucket', kind: 'access_token', keywords: ['atctt3xffgn0'], re: /ATCTT3xFfGN0[a-zA-Z0-9_=.-]{28,}(?![\w=.-])/y, prefix: 12 }),
  // ---- chat ----
  vendor({
    id: 'slack-token', type: 'slack_token', family: 'chat_token', provider: 'slack',
    // api.slack.com/authentication/token-types and /config-tokens
    keywords: ['xoxb-', 'xoxp-', 'xoxe-', 'xoxe.', 'xapp-', 'xoxa-', 'xoxr-', 'xoxo-', 'xoxs-'],
    re: /(?:xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*|xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26}|xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+|xoxe\.xox[bp]-\d-[A-Za-z0-9]{163,166}|xoxe-\d-[A-Za-z0-9]{146}|xox[ar]-(?:\d-)?[0-9a-zA-Z]{8,48}(?:-[0-9a-zA-Z]{8,48})*|xox[os]-\d+-\d+-\d+-[a-fA-F\d]+)(?![A-Za-z0-9-])/iy,
    prefix: 5, minEntropy: 2,
    kind: (m) => (/^xoxe-\d-/.test(m) ? 'configuration_refresh_token' : slackKind(m)),
  }),
  vendor({ id: 'slack-webhook', type: 'slack_token', family: 'chat_token', provider: 'slack', kind: 'incoming_webhook', keywords: ['hooks.slack.com'], re: /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9+/]{43,56})/y, minEntropy: 2 }),
  vendor({ id: 'discord-webhook', type: 'chat_token', family: 'chat_token', provider: 'discord', kind: 'webhook', keywords: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'], re: /discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/([\w-]{60,70})/y }),
  vendor({ id: 'telegram-bot-token', type: 'chat_token', family: 'chat_token', provider: 'telegram', kind: 'bot_token', keywords: ['api.telegram.org/bot'], re: /api\.telegram\.org\/bot(\d{5,16}:A[\w-]{34})(?![\w-])/y }),
  // ---- payment ----
  vendor({ id: 'stripe-key', type: 'stripe_key', family: 'payment_api_key', provider: 'stripe', keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'], re: /[sr]k_(?:live|test)_[0-9a-zA-Z]{10,99}(?![0-9a-zA-Z])/y, prefix: 8, kind: (m) => (m.includes('_live_') ? 'live' : 'test') }),
  vendor({ id: 'stripe-webhook-secret', type: 'stripe_key', family: 'payment_api_key', provider: 'stripe', kind: 'webhook_secret', keywords: ['whsec_'], re: /whsec_[A-Za-z0-9+/]{32,}(?![A-Za-z0-9+/])/y, prefix: 6 }),
  vendor({ id: 'square-token', type: 'payment_api_key', family: 'payment_api_key', provider: 'square', keywords: ['sq0atp-', 'sq0csp-'], re: /sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}(?![\w-])/y, prefix: 7, kind: (m) => (m.startsWith('sq0atp') ? 'access_token' : 'oauth_secret') }),
  vendor({ id: 'braintree-token', type: 'payment_api_key', family: 'payment_api_key', provider: 'braintree', kind: 'access_token', keywords: ['access_token$production$', 'access_token$sandbox$'], re: /access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}/y, prefix: 24 }),
  vendor({ id: 'flutterwave-secret', type: 'payment_api_key', family: 'payment_api_key', provider: 'flutterwave', kind: 'secret_key', keywords: ['flwseck_test-', 'flwseck-'], re: /FLWSECK(?:_TEST)?-[a-h0-9]{32}-X/iy, prefix: 8 }),
  // ---- AI ----
  vendor({ id: 'anthropic-key', type: 'ai_api_key', family: 'ai_api_key', provider: 'anthropic', keywords: ['sk-ant-'], re: /sk-ant-(?:(?:api03|admin01)-[\w-]{93}AA|(?:oat01|ort01)-[\w-]{40,300})(?![\w-])/y, prefix: /^sk-ant-[a-z0-9]+-/, kind: kindByPrefix({ 'sk-ant-api03': 'api_key', 'sk-ant-admin01': 'admin_key', 'sk-ant-oat01': 'oauth_token', 'sk-ant-ort01': 'oauth_refresh_token' }) }),
  vendor({ id: 'openai-key', type: 'ai_api_key', family: 'ai_api_key', provider: 'openai', keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-'], re: /sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}|[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})(?![\w-])/y, prefix: /^sk-(?:[a-z]+-)?/, kind: kindByPrefix({ 'sk-proj-': 'project_key', 'sk-svcacct-': 'service_account_key', 'sk-admin-': 'admin_key', 'sk-': 'user_key' }) }),
  vendor({ id: 'huggingface-token', type: 'ai_api_key', family: 'ai_api_key', provider: 'huggingface', keywords: ['hf_', 'api_org_'], re: /(?:hf_[a-zA-Z]{34}|api_org_[a-zA-Z]{34})(?![A-Za-z0-9])/y, prefix: /^(?:hf_|api_org_)/, kind: 'access_token' }),
  vendor({ id: 'groq-key', type: 'ai_api_key', family: 'ai_api_key', provider: 'groq', kind: 'api_key', keywords: ['gsk_'], re: /gsk_[a-zA-Z0-9]{52}(?![A-Za-z0-9])/y, prefix: 4 }),
  // ---- messaging ----
  vendor({ id: 'sendgrid-key', type: 'messaging_api_key', family: 'messaging_api_key', provider: 'sendgrid', kind: 'api_key', keywords: ['sg.'], re: /SG\.[a-zA-Z0-9=_.-]{66}(?![\w=.-])/y, prefix: 3 }),
  vendor({ id: 'twilio-api-key', type: 'messaging_api_key', family: 'messaging_api_key', provider: 'twilio', kind: 'api_key', keywords: [...'0123456789abcdef'].map((c) => `sk${c}`), re: /SK[0-9a-fA-F]{32}(?![0-9a-zA-Z])/y, prefix: 2 }),
  vendor({ id: 'mailchimp-key', type: 'messaging_api_key', family: 'messaging_api_key', provider: 'mailchimp', kind: 'api_key', keywords: ['mailchimp'], re: semi(`${HEX}{32}-us\\d{1,2}`) }),
  // ---- monitoring ----
  vendor({ id: 'newrelic-key', type: 'monitoring_api_key', family: 'monitoring_api_key', provider: 'newrelic', kind: 'user_api_key', keywords: ['nrak-'], re: /NRAK-[A-Z0-9]{27}(?![A-Za-z0-9])/y, prefix: 5 }),
  vendor({ id: 'sentry-token', type: 'monitoring_api_key', family: 'monitoring_api_key', provider: 'sentry', keywords: ['sntrys_', 'sntryu_'], re: /sntry[su]_[A-Za-z0-9+/=_]{40,300}/y, prefix: 7, kind: (m) => (m.startsWith('sntrys_') ? 'org_token' : 'user_token') }),
  vendor({ id: 'grafana-token', type: 'monitoring_api_key', family: 'monitoring_api_key', provider: 'grafana', keywords: ['glsa_', 'glc_'], re: /(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2})(?![\w+/=])/y, prefix: /^gl(?:sa|c)_/, kind: (m) => (m.startsWith('glsa_') ? 'service_account_token' : 'cloud_token') }),
  // ---- hosting ----
  vendor({ id: 'heroku-key-v2', type: 'hosting_token', family: 'hosting_token', provider: 'heroku', kind: 'api_key', keywords: ['hrku-aa'], re: /HRKU-AA[0-9a-zA-Z_-]{58}(?![\w-])/y, prefix: 7, minEntropy: 4 }),
  vendor({ id: 'digitalocean-token', type: 'hosting_token', family: 'hosting_token', provider: 'digitalocean', keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'], re: /do[por]_v1_[a-f0-9]{64}(?![a-zA-Z0-9])/y, prefix: 7, kind: kindByPrefix({ dop_: 'personal_access_token', doo_: 'oauth_token', dor_: 'oauth_refresh_token' }) }),
  vendor({ id: 'flyio-token', type: 'hosting_token', family: 'hosting_token', provider: 'flyio', kind: 'access_token', keywords: ['fo1_', 'fm1r_', 'fm2_'], re: /(?:fo1_[\w-]{43}|fm1r_[\w+/]{100,}={0,2}|fm2_[\w+/]{100,}={0,3})/y, prefix: /^f[om]\dr?_/ }),
  // ---- infrastructure ----
  vendor({ id: 'vault-token', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'vault', keywords: ['hvs.', 'hvb.'], re: /(?:hvs\.[\w-]{90,120}|hvb\.[\w-]{138,300})(?![\w-])/y, prefix: 4, minEntropy: 3.5, kind: (m) => (m.startsWith('hvs.') ? 'service_token' : 'batch_token') }),
  vendor({ id: 'terraform-token', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'terraform', kind: 'api_token', keywords: ['.atlasv1.'], re: /[a-zA-Z0-9]{14}\.atlasv1\.[a-zA-Z0-9\-_=]{60,70}(?![\w=-])/y, back: 14, prefix: 23, minEntropy: 3.5 }),
  vendor({ id: 'pulumi-token', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'pulumi', kind: 'access_token', keywords: ['pul-'], re: /pul-[a-f0-9]{40}(?![a-z0-9])/y, prefix: 4 }),
  // ---- e-commerce ----
  vendor({ id: 'shopify-token', type: 'ecommerce_token', family: 'ecommerce_token', provider: 'shopify', keywords: ['shpss_', 'shpat_', 'shpca_', 'shppa_'], re: /shp(?:ss|at|ca|pa)_[a-fA-F0-9]{32}(?![a-zA-Z0-9])/y, prefix: 6, minEntropy: 2, kind: kindByPrefix({ shpss_: 'shared_secret', shpat_: 'access_token', shpca_: 'custom_app_token', shppa_: 'private_app_token' }) }),
  // ---- package registries ----
  vendor({ id: 'npm-token', type: 'package_registry_token', family: 'package_registry_token', provider: 'npm', kind: 'access_token', keywords: ['npm_'], re: /npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/y, prefix: 4 }),
  vendor({ id: 'pypi-token', type: 'package_registry_token', family: 'package_registry_token', provider: 'pypi', kind: 'upload_token', keywords: ['pypi-ageichlwas5vcmc'], re: /pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}/y, prefix: 20 }),
  vendor({ id: 'rubygems-key', type: 'package_registry_token', family: 'package_registry_token', provider: 'rubygems', kind: 'api_key', keywords: ['rubygems_'], re: /rubygems_[a-f0-9]{48}(?![a-z0-9])/y, prefix: 9 }),
  vendor({ id: 'clojars-token', type: 'package_registry_token', family: 'package_registry_token', provider: 'clojars', kind: 'deploy_token', keywords: ['clojars_'], re: /CLOJARS_[a-z0-9]{60}(?![a-z0-9])/iy, prefix: 8 }),
  // ---- container registries ----
  vendor({ id: 'docker-pat', type: 'container_registry_auth', family: 'container_registry_auth', provider: 'docker', kind: 'personal_access_token', keywords: ['dckr_pat_', 'dckr_oat_'], re: /dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}(?![\w-])/y, prefix: 9 }),
  // ---- issue 14 follow-up: vendor prefixes of gitleaks' rule set not covered before (test/fixtures/secrets) ----
  vendor({ id: 'onepassword-service-account', type: 'infrastructure_token', family: 'infrastructure_token', provider: '1password', kind: 'service_account_token', keywords: ['ops_eyj'], re: /ops_eyJ[a-zA-Z0-9+/]{250,}={0,3}/y, prefix: 4, minEntropy: 4 }),
  // minEntropy 3.5: gitleaks' 3.8 bits is on the whole match with `A3-` and the hyphens; on the 31
  // random characters alone a key made from gitleaks' sample pattern measured 3.78.
  vendor({ id: 'onepassword-secret-key', type: 'infrastructure_token', family: 'infrastructure_token', provider: '1password', kind: 'secret_key', keywords: ['a3-'], re: /A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9])/y, prefix: 3, minEntropy: 3.5 }),
  vendor({ id: 'doppler-token', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'doppler', keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'], re: /dp\.(?:pt|st|sa|ct|scim|audit)\.[a-zA-Z0-9]{40,44}(?![A-Za-z0-9])/y, prefix: /^dp\.[a-z]+\./, kind: kindByPrefix({ 'dp.pt.': 'personal_token', 'dp.st.': 'service_token', 'dp.sa.': 'service_account_token', 'dp.ct.': 'cli_token', 'dp.scim.': 'scim_token', 'dp.audit.': 'audit_token' }) }),
  vendor({ id: 'databricks-token', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'databricks', kind: 'api_token', keywords: ['dapi'], re: /dapi[a-h0-9]{32}(?:-\d)?(?![A-Za-z0-9])/y, prefix: 4 }),
  vendor({ id: 'planetscale-credential', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'planetscale', keywords: ['pscale_pw_', 'pscale_tkn_', 'pscale_oauth_'], re: /pscale_(?:pw|tkn|oauth)_[\w=.-]{32,64}(?![\w=.-])/y, prefix: /^pscale_[a-z]+_/, kind: kindByPrefix({ pscale_pw_: 'password', pscale_tkn_: 'api_token', pscale_oauth_: 'oauth_token' }) }),
  vendor({ id: 'openshift-token', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'openshift', kind: 'user_token', keywords: ['sha256~'], re: /sha256~[\w-]{43}(?![\w-])/y, prefix: 7, minEntropy: 3.5 }),
  vendor({ id: 'prefect-token', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'prefect', kind: 'api_key', keywords: ['pnu_'], re: /pnu_[a-zA-Z0-9]{36}(?![A-Za-z0-9])/y, prefix: 4, minEntropy: 2 }),
  vendor({ id: 'clickhouse-key', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'clickhouse', kind: 'cloud_api_secret_key', keywords: ['4b1d'], re: /4b1d[A-Za-z0-9]{38}(?![A-Za-z0-9])/y, prefix: 4 }),
  vendor({ id: 'infracost-token', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'infracost', kind: 'api_key', keywords: ['ico-'], re: /ico-[a-zA-Z0-9]{32}(?![\w.-])/y, prefix: 4 }),
  vendor({ id: 'scalingo-token', type: 'hosting_token', family: 'hosting_token', provider: 'scalingo', kind: 'api_token', keywords: ['tk-us-'], re: /tk-us-[\w-]{48}(?![\w-])/y, prefix: 6, minEntropy: 2 }),
  vendor({ id: 'dynatrace-token', type: 'monitoring_api_key', family: 'monitoring_api_key', provider: 'dynatrace', kind: 'api_token', keywords: ['dt0c01.'], re: /dt0c01\.[a-zA-Z0-9]{24}\.[a-zA-Z0-9]{64}(?![A-Za-z0-9])/y, prefix: 7, minEntropy: 4 }),
  vendor({ id: 'sendinblue-key', type: 'messaging_api_key', family: 'messaging_api_key', provider: 'brevo', kind: 'api_key', keywords: ['xkeysib-'], re: /xkeysib-[a-f0-9]{64}-[a-zA-Z0-9]{16}(?![A-Za-z0-9])/y, prefix: 8, minEntropy: 2 }),
  vendor({ id: 'easypost-key', type: 'ecommerce_token', family: 'ecommerce_token', provider: 'easypost', keywords: ['ezak', 'eztk'], re: /EZ[AT]K[a-zA-Z0-9]{54}(?![A-Za-z0-9])/y, prefix: 4, minEntropy: 2, kind: kindByPrefix({ EZAK: 'production_key', EZTK: 'test_key' }) }),
  vendor({ id: 'shippo-token', type: 'ecommerce_token', family: 'ecommerce_token', provider: 'shippo', keywords: ['shippo_live_', 'shippo_test_'], re: /shippo_(?:live|test)_[a-fA-F0-9]{40}(?![A-Za-z0-9])/y, prefix: /^shippo_[a-z]+_/, kind: kindByPrefix({ shippo_live_: 'live', shippo_test_: 'test' }) }),
  vendor({ id: 'duffel-token', type: 'ecommerce_token', family: 'ecommerce_token', provider: 'duffel', keywords: ['duffel_live_', 'duffel_test_'], re: /duffel_(?:live|test)_[a-zA-Z0-9_=-]{43}(?![\w=-])/y, prefix: /^duffel_[a-z]+_/, minEntropy: 2, kind: kindByPrefix({ duffel_live_: 'live', duffel_test_: 'test' }) }),
  vendor({ id: 'artifactory-token', type: 'package_registry_token', family: 'package_registry_token', provider: 'jfrog', keywords: ['akcp', 'cmvmd'], re: /(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})(?![A-Za-z0-9])/y, prefix: /^(?:AKCp|cmVmd)/, kind: kindByPrefix({ AKCp: 'api_key', cmVmd: 'reference_token' }) }),
  vendor({ id: 'sourcegraph-token', type: 'vcs_token', family: 'vcs_token', provider: 'sourcegraph', kind: 'access_token', keywords: ['sgp_'], re: /sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}(?![A-Za-z0-9])/y, prefix: /^sgp_(?:[a-fA-F0-9]{16}_|local_)?/ }),
  vendor({ id: 'langsmith-key', type: 'ai_api_key', family: 'ai_api_key', provider: 'langsmith', keywords: ['lsv2_pt_', 'lsv2_sk_'], re: /lsv2_(?:pt|sk)_[a-zA-Z0-9]{32}_[a-zA-Z0-9]{10}(?![A-Za-z0-9])/y, prefix: 8, kind: kindByPrefix({ lsv2_pt_: 'personal_access_token', lsv2_sk_: 'service_key' }) }),
  vendor({ id: 'perplexity-key', type: 'ai_api_key', family: 'ai_api_key', provider: 'perplexity', kind: 'api_key', keywords: ['pplx-'], re: /pplx-\w{48}(?!\w)/y, prefix: 5, minEntropy: 4 }),
  vendor({ id: 'age-secret-key', type: 'private_key', family: 'private_key', provider: 'age', kind: 'unencrypted', keywords: ['age-secret-key-1'], re: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Za-z0-9])/y, prefix: 16 }),
  vendor({ id: 'linear-key', type: 'saas_api_key', family: 'saas_api_key', provider: 'linear', kind: 'api_key', keywords: ['lin_api_'], re: /lin_api_[a-zA-Z0-9]{40}(?![A-Za-z0-9])/y, prefix: 8 }),
  vendor({ id: 'postman-key', type: 'saas_api_key', family: 'saas_api_key', provider: 'postman', kind: 'api_key', keywords: ['pmak-'], re: /PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}(?![A-Za-z0-9])/y, prefix: 5 }),
  vendor({ id: 'typeform-token', type: 'saas_api_key', family: 'saas_api_key', provider: 'typeform', kind: 'personal_token', keywords: ['tfp_'], re: /tfp_[a-zA-Z0-9_.=-]{59}(?![\w.=-])/y, prefix: 4 }),
  vendor({ id: 'readme-key', type: 'saas_api_key', family: 'saas_api_key', provider: 'readme', kind: 'api_key', keywords: ['rdme_'], re: /rdme_[a-z0-9]{70}(?![A-Za-z0-9])/y, prefix: 5, minEntropy: 2 }),
  vendor({ id: 'frameio-token', type: 'saas_api_key', family: 'saas_api_key', provider: 'frameio', kind: 'api_token', keywords: ['fio-u-'], re: /fio-u-[a-zA-Z0-9_=-]{64}(?![\w=-])/y, prefix: 6 }),
  vendor({ id: 'adobe-secret', type: 'saas_api_key', family: 'saas_api_key', provider: 'adobe', kind: 'client_secret', keywords: ['p8e-'], re: /p8e-[a-zA-Z0-9]{32}(?![A-Za-z0-9])/y, prefix: 4 }),
];

/** Tokens with no prefix of their own, recognised by the provider named in the key (gitleaks' semi-generic rules). */
export const CONTEXT_RULES: SecretRule[] = [
  { id: 'datadog-key', type: 'monitoring_api_key', family: 'monitoring_api_key', provider: 'datadog', keywords: ['datadog'], re: semi(`[a-z0-9]{40}|${HEX}{32}`), kind: (m) => (m.length === 40 ? 'application_key' : 'api_key') },
  { id: 'discord-secret', type: 'chat_token', family: 'chat_token', provider: 'discord', keywords: ['discord'], re: semi(`${HEX}{64}|[a-z0-9=_-]{32}`), minEntropy: 2, kind: (m) => (m.length === 64 ? 'api_token' : 'client_secret') },
  { id: 'telegram-bot-token-ctx', type: 'chat_token', family: 'chat_token', provider: 'telegram', kind: 'bot_token', keywords: ['telegram'], re: semi(`\\d{5,16}:A[\\w-]{34}`) },
  { id: 'bitbucket-secret', type: 'vcs_token', family: 'vcs_token', provider: 'bitbucket', keywords: ['bitbucket'], re: semi('[a-z0-9=_-]{64}|[a-z0-9]{32}'), kind: (m) => (m.length === 64 ? 'client_secret' : 'client_id') },
  { id: 'heroku-key', type: 'hosting_token', family: 'hosting_token', provider: 'heroku', kind: 'api_key', keywords: ['heroku'], re: semi(`${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`.replace(/a-f/g, 'a-fA-F')) },
  { id: 'mailgun-key', type: 'messaging_api_key', family: 'messaging_api_key', provider: 'mailgun', keywords: ['mailgun'], re: semi(`key-${HEX}{32}|pubkey-${HEX}{32}|[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}`), kind: (m) => (m.startsWith('key-') ? 'private_api_key' : m.startsWith('pubkey-') ? 'public_validation_key' : 'webhook_signing_key') },
  { id: 'twilio-auth-token', type: 'messaging_api_key', family: 'messaging_api_key', provider: 'twilio', kind: 'auth_token', keywords: ['twilio'], re: semi(`${HEX}{32}`) },
  { id: 'vault-legacy-token', type: 'infrastructure_token', family: 'infrastructure_token', provider: 'vault', kind: 'service_token', keywords: ['vault'], re: semi('s\\.[A-Za-z0-9]{24}|hvs\\.[\\w-]{90,120}'), minEntropy: 3.5 },
];

export const ALL_RULES: readonly SecretRule[] = [...PREFIX_RULES, ...CONTEXT_RULES];

/** Kind of a match under a rule. */
export function ruleKind(rule: SecretRule, m: string): string | undefined {
  return typeof rule.kind === 'function' ? rule.kind(m) : rule.kind;
}

/** The random part of a match (its vendor prefix left out). */
export function ruleBody(rule: SecretRule, m: string): string {
  if (typeof rule.prefix === 'number') return m.slice(rule.prefix);
  if (rule.prefix) return m.replace(rule.prefix, '');
  return m;
}

export { END };

/**
 * Secret families (the element ids of credentials, grouped the way a responder acts on them) and,
 * per provider, what a responder does about an exposed one (issue 14 §3). The containment step
 * offers these actions; nothing here calls a provider. Each `reference` is the vendor's own page
 * for the action, so a responder can check the step before taking it.
 */

export const SECRET_FAMILIES = [
  'cloud_credential',
  'vcs_token',
  'chat_token',
  'payment_api_key',
  'ai_api_key',
  'messaging_api_key',
  'monitoring_api_key',
  'hosting_token',
  'infrastructure_token',
  'ecommerce_token',
  'package_registry_token',
  'container_registry_auth',
  'saas_api_key',
  'database_url',
  'url_credential',
  'private_key',
  'jwt',
  'generic_secret',
] as const;
export type SecretFamily = (typeof SECRET_FAMILIES)[number];

export interface Revocation {
  /** Whether the provider lets the owner revoke or deactivate this credential on its own. */
  revocable: boolean;
  /** Machine-readable action id for containment (`deactivate_access_key`, `revoke_token`, `rotate_password`, …). */
  action: string;
  /** What the responder does, in one sentence. */
  how: string;
  /** The vendor's documentation of that action. */
  reference?: string;
}

const r = (action: string, how: string, reference?: string, revocable = true): Revocation => ({ revocable, action, how, ...(reference ? { reference } : {}) });

/** By `provider` (and `provider:kind` where a kind is revoked differently). */
const REVOCATIONS: Record<string, Revocation> = {
  aws: r('deactivate_access_key', 'Set the access key Inactive with IAM UpdateAccessKey (aws iam update-access-key --status Inactive), check CloudTrail for its use, then delete it and issue a new one.', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'),
  'aws:temporary_access_key': r('revoke_sessions', 'Revoke the role’s active sessions (IAM "Revoke active sessions", policy AWSRevokeOlderSessions); the temporary key stops working at once.', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html'),
  gcp: r('delete_service_account_key', 'Delete the service-account key (gcloud iam service-accounts keys delete KEY_ID --iam-account CLIENT_EMAIL) and review the account’s audit logs.', 'https://cloud.google.com/iam/docs/keys-create-delete'),
  'gcp:api_key': r('regenerate_api_key', 'Regenerate or delete the API key in Google Cloud console (APIs & Services → Credentials) and restrict its replacement.', 'https://cloud.google.com/docs/authentication/api-keys'),
  azure: r('rotate_storage_key', 'Regenerate the storage account key that was exposed (az storage account keys renew) and revoke SAS tokens signed with it.', 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage'),
  'azure:client_secret': r('delete_client_secret', 'Delete the application’s client secret in Microsoft Entra ID (App registrations → Certificates & secrets) and add a new one.', 'https://learn.microsoft.com/entra/identity-platform/howto-create-service-principal-portal'),
  alibaba: r('deactivate_access_key', 'Disable and delete the AccessKey pair in the RAM console.', 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair'),
  github: r('revoke_token', 'Revoke the token with GitHub’s credential revocation API (POST /credentials/revoke), or in the owner’s settings; review the audit log.', 'https://docs.github.com/en/rest/credentials/revoke'),
  gitlab: r('revoke_token', 'Revoke the token (personal/project/group access token API, or the admin token revocation API for other kinds) and review the audit events.', 'https://docs.gitlab.com/ee/api/personal_access_tokens.html'),
  bitbucket: r('revoke_token', 'Revoke the app password, access token or OAuth consumer secret in Bitbucket settings.', 'https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/'),
  slack: r('revoke_token', 'Revoke the token with Slack’s auth.revoke method (or reinstall the app to rotate it).', 'https://api.slack.com/methods/auth.revoke'),
  'slack:incoming_webhook': r('remove_webhook', 'Remove the incoming webhook in the Slack app configuration; a new URL is issued on re-adding it.', 'https://api.slack.com/messaging/webhooks'),
  discord: r('reset_token', 'Reset the bot token or client secret in the Discord developer portal; delete exposed webhooks.', 'https://discord.com/developers/docs/topics/oauth2'),
  telegram: r('revoke_token', 'Revoke the bot token with @BotFather (/revoke).', 'https://core.telegram.org/bots/features#botfather'),
  stripe: r('roll_key', 'Roll the API key in the Stripe Dashboard (Developers → API keys → Roll key); live keys first.', 'https://docs.stripe.com/keys'),
  openai: r('revoke_key', 'Delete the API key in the OpenAI platform’s API keys page.', 'https://platform.openai.com/api-keys'),
  anthropic: r('revoke_key', 'Disable and delete the key in the Anthropic Console (Settings → API keys).', 'https://docs.anthropic.com/en/api/getting-started'),
  huggingface: r('revoke_token', 'Invalidate the access token in Hugging Face settings (Access Tokens).', 'https://huggingface.co/docs/hub/security-tokens'),
  sendgrid: r('delete_api_key', 'Delete the API key (DELETE /v3/api_keys/{id}) in SendGrid.', 'https://www.twilio.com/docs/sendgrid/api-reference/api-keys/delete-api-keys'),
  twilio: r('delete_api_key', 'Delete the API key in the Twilio console (or DELETE the Key resource) and rotate the auth token if it was with it.', 'https://www.twilio.com/docs/iam/api-keys'),
  mailgun: r('rotate_api_key', 'Delete the API key in Mailgun (Account settings → API keys) and create a new one.', 'https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/'),
  datadog: r('revoke_api_key', 'Revoke the API or application key in Datadog Organization Settings.', 'https://docs.datadoghq.com/account_management/api-app-keys/'),
  heroku: r('revoke_authorization', 'Revoke the authorization (heroku authorizations:revoke ID) or regenerate the API key.', 'https://devcenter.heroku.com/articles/platform-api-quickstart'),
  digitalocean: r('revoke_token', 'Delete the token in the DigitalOcean control panel (API → Tokens), or revoke the OAuth token (POST /v1/oauth/revoke).', 'https://docs.digitalocean.com/reference/api/create-personal-access-token/'),
  vault: r('revoke_token', 'Revoke the token and its children (vault token revoke TOKEN).', 'https://developer.hashicorp.com/vault/docs/commands/token/revoke'),
  terraform: r('revoke_token', 'Delete the user, team or organization API token in HCP Terraform settings.', 'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens'),
  shopify: r('rotate_token', 'Rotate the app’s access token or API secret in the Shopify Partner dashboard / admin (or uninstall the custom app).', 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens'),
  npm: r('revoke_token', 'Revoke the token (npm token revoke ID) and check the packages it could publish.', 'https://docs.npmjs.com/revoking-access-tokens'),
  pypi: r('revoke_token', 'Remove the API token in the PyPI account settings and review the project’s recent releases.', 'https://pypi.org/help/#apitoken'),
  docker: r('revoke_token', 'Revoke the access token in Docker Hub (Account settings → Personal access tokens) or change the registry password.', 'https://docs.docker.com/security/for-developers/access-tokens/'),
  '1password': r('revoke_token', 'Revoke the service account token in 1Password (Developer → Service accounts), or for an account secret key sign in and regenerate it (Profile → Regenerate Secret Key).'),
  doppler: r('revoke_token', 'Revoke the token in the Doppler dashboard (or DELETE it through the Doppler API) and rotate the secrets it could read.'),
  databricks: r('revoke_token', 'Revoke the personal access token (Databricks token management API or User settings → Access tokens) and review the workspace audit logs.'),
  planetscale: r('revoke_token', 'Delete the password or service token in PlanetScale (database Settings → Passwords, or Service tokens) and create a new one.'),
  openshift: r('revoke_token', 'Delete the user’s OAuth access token (oc delete oauthaccesstoken sha256~…) and review the cluster audit log.'),
  prefect: r('revoke_key', 'Delete the API key in Prefect Cloud (Profile → API keys) and create a new one.'),
  clickhouse: r('revoke_key', 'Delete the API key in ClickHouse Cloud (Organization → API keys) and create a new one.'),
  infracost: r('rotate_api_key', 'Rotate the organisation’s API key in Infracost Cloud (Org settings → API key).'),
  scalingo: r('revoke_token', 'Delete the API token in the Scalingo dashboard (User settings → API tokens).'),
  dynatrace: r('revoke_token', 'Revoke or delete the access token in Dynatrace (Access tokens) and review its audit log.'),
  brevo: r('delete_api_key', 'Delete the API key in Brevo (SMTP & API → API keys) and create a new one.'),
  easypost: r('rotate_api_key', 'Delete the API key in the EasyPost dashboard (Account settings → API keys) and create a new one.'),
  shippo: r('rotate_api_key', 'Regenerate the API token in Shippo (Settings → API).'),
  duffel: r('revoke_token', 'Delete the access token in the Duffel dashboard (Developers → Access tokens).'),
  jfrog: r('revoke_token', 'Revoke the API key or access token in the JFrog Platform (User profile / Administration → Identity and access → Access tokens).'),
  sourcegraph: r('revoke_token', 'Delete the access token in Sourcegraph (User settings → Access tokens).'),
  langsmith: r('revoke_key', 'Delete the API key in LangSmith (Settings → API keys).'),
  perplexity: r('revoke_key', 'Delete the API key in Perplexity (Settings → API).'),
  age: r('replace_key', 'Generate a new age identity (age-keygen), re-encrypt what was encrypted to the old recipient, and remove the old public key wherever it is used.'),
  linear: r('revoke_key', 'Revoke the personal API key in Linear (Settings → Account → Security & access).'),
  postman: r('revoke_key', 'Revoke the API key in Postman (Settings → API keys).'),
  typeform: r('revoke_token', 'Delete the personal access token in Typeform (Account → Personal tokens).'),
  readme: r('revoke_key', 'Revoke the API key in the ReadMe dashboard (Configuration → API keys).'),
  frameio: r('revoke_token', 'Delete the developer token in Frame.io (Developer site → Tokens).'),
  adobe: r('rotate_secret', 'Rotate the client secret of the project’s credential in the Adobe Developer Console.'),
  database: r('rotate_password', 'Change the database user’s password (e.g. ALTER USER … PASSWORD), restrict network access, and review the database logs.'),
  url: r('rotate_password', 'Change the password of the account in the URL on the service it names.'),
  pem: r('replace_key', 'Replace the key pair: revoke certificates issued for it and remove its public key wherever it is trusted (authorized_keys, TLS, signing).'),
  jwt: r('rotate_signing_key', 'A JWT cannot be revoked by itself: rotate the issuer’s signing key or revoke the session behind it; otherwise it stays valid until it expires.', 'https://www.rfc-editor.org/rfc/rfc7519', false),
  http: r('rotate_password', 'Change the password of the account the HTTP Basic credential names (base64 user:password, RFC 7617) on the server that received it, and review that server’s access logs.', 'https://www.rfc-editor.org/rfc/rfc7617'),
  generic: r('rotate_secret', 'Rotate the secret where it is used; the key name tells which system it belongs to.', undefined, false),
};

export function revocationFor(provider: string, kind?: string): Revocation {
  return (kind && REVOCATIONS[`${provider}:${kind}`]) || REVOCATIONS[provider] || REVOCATIONS.generic;
}

/** Every connector kind, listed explicitly (DESIGN.md §3: no registration by import side effect). */
import type { ConnectorKind } from '../connector.js';
import { awsEc2Connector } from './aws-ec2.connector.js';
import { awsIamConnector } from './aws-iam.connector.js';
import { entraConnector } from './entra.connector.js';
import { githubConnector } from './github.connector.js';
import { gitlabConnector } from './gitlab.connector.js';
import { googleConnector } from './google.connector.js';
import { keycloakConnector } from './keycloak.connector.js';
import { ldapConnector } from './ldap.connector.js';
import { nftablesConnector } from './nftables.connector.js';
import { oktaConnector } from './okta.connector.js';
import { postgresConnector } from './postgres.connector.js';
import { redisConnector } from './redis.connector.js';
import { slackConnector } from './slack.connector.js';
import { sshConnector } from './ssh.connector.js';

// biome-ignore lint/suspicious/noExplicitAny: kinds differ in handle and config types
export const CONNECTOR_KINDS: ReadonlyArray<ConnectorKind<any, any>> = [postgresConnector, redisConnector, ldapConnector, nftablesConnector, sshConnector, oktaConnector, entraConnector, keycloakConnector, googleConnector, slackConnector, githubConnector, gitlabConnector, awsIamConnector, awsEc2Connector];

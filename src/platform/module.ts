/**
 * What a feature hands the composition root (src/main): its migrations are listed statically
 * in src/main/migrations.ts; at start-up each feature builds its services from the platform
 * (and the services of features it depends on), and contributes route plugins and job handlers.
 */
import type { Command } from 'commander';
import type { ApiClient } from './cli-client.js';
import type { RoutePlugin } from './http/app.js';
import type { JobQueue } from './jobs/job-queue.js';

export interface FeatureParts {
  routes?: RoutePlugin[];
  /** Registers job handlers (`queue.work(...)`); called by serve (inline worker) and `worker`. */
  jobs?: (queue: JobQueue) => void;
}

export interface CliContext {
  /** A client for the API: remote (BREACHDESK_URL/TOKEN) or the local store in-process. Close it when done (or use withClient). */
  client(): ApiClient;
}

export type RegisterCommands = (program: Command, ctx: CliContext) => void;

/**
 * A real local S3-compatible server (s3rver, in this process) for the object-store tests
 * (issue 18 §3): one bucket in a temporary directory, s3rver's default credentials set where the
 * AWS SDK's default chain reads them, as in production.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { freePort } from './spawn-server.js';

export interface LocalS3 {
  endpoint: string;
  /** Where s3rver keeps the bucket's files (object bodies among them). */
  dir: string;
  /** Every file s3rver keeps, to check that nothing is stored in the clear. */
  stored(): Buffer[];
  /** The settings that point Breachdesk at this server's bucket (path-style, under `prefix`). */
  env(prefix?: string): Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3rver(bucket: string): Promise<LocalS3> {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  const dir = mkdtempSync(join(tmpdir(), 'bd-s3rver-'));
  const port = await freePort();
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    dir,
    env: (prefix = 'fleet/') => ({ BREACHDESK_S3_BUCKET: bucket, BREACHDESK_S3_ENDPOINT: `http://127.0.0.1:${port}`, BREACHDESK_S3_FORCE_PATH_STYLE: 'true', BREACHDESK_S3_PREFIX: prefix }),
    stored() {
      const out: Buffer[] = [];
      for (const e of readdirSync(dir, { recursive: true }) as string[]) {
        const p = join(dir, e);
        if (statSync(p).isFile()) out.push(readFileSync(p));
      }
      return out;
    },
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

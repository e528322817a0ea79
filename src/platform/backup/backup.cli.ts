/**
 * `breachdesk admin backup --out FILE` and `breachdesk admin restore FILE` (docs/backup.md).
 * Backup runs beside a live server; restore goes into an empty store and data directory, then
 * checks the audit chain before anyone uses the restored place.
 */
import type { Command } from 'commander';
import type { Migration } from 'kysely';
import { action, CLI_ACTOR, printJson } from '../cli-support.js';
import { type Config, loadConfig } from '../config.js';
import { loadMasterKey, masterKeyFile } from '../crypto/keyring.js';
import { FailedError } from '../errors.js';
import type { Platform } from '../platform.js';
import { writeBackup } from './backup.js';
import { restoreBackup } from './restore.js';

export interface BackupCommandDeps {
  open: (config?: Config) => Promise<Platform>;
  migrations: () => Promise<Record<string, Migration>>;
}

export function registerBackupCommands(admin: Command, deps: BackupCommandDeps): void {
  admin
    .command('backup')
    .description('write a consistent, encrypted snapshot (database, evidence, audit checkpoint, settings) while the server runs')
    .requiredOption('--out <file>', 'the backup file to write (written whole or not at all)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { out: string; json?: boolean }) => {
        const p = await deps.open();
        try {
          const master = loadMasterKey(p.config.masterKey, masterKeyFile(p.config), { storeHasKeys: true });
          const m = await writeBackup(
            {
              config: p.config,
              store: p.store,
              master,
              checkpoint: async () => {
                await p.audit.flushCheckpoint();
                return p.audit.checkpointFile;
              },
            },
            o.out,
          );
          const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
          await p.audit.record({ actor: CLI_ACTOR, action: 'backup.written', subjectType: 'store', after: { rows, evidenceFiles: m.evidenceFiles, masterKeyId: master.id } });
          if (o.json) printJson(m);
          else process.stdout.write(`backup written to ${o.out}: ${rows} rows in ${Object.keys(m.tables).length} tables, ${m.evidenceFiles} evidence files; it opens only with master key ${master.id}\n`);
        } finally {
          await p.close();
        }
      }),
    );

  admin
    .command('restore <file>')
    .description('restore a backup into an empty store and data directory (put the master key in place first), then verify the audit chain')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, o: { json?: boolean }) => {
        const config = loadConfig();
        const { manifest } = await restoreBackup(config, file, await deps.migrations());
        const p = await deps.open(config);
        try {
          const audit = await p.audit.verify();
          // The backup's queued and running jobs are `jobs` rows: the embedded queue's own, and
          // handed to pg-boss when a pg-boss store is opened, as here (jobs/queued-jobs-transfer.ts).
          if (o.json) printJson({ manifest, audit });
          if (!audit.ok) throw new FailedError(`restored, but the audit chain does not verify at ${audit.id ?? 'the end'}: ${audit.reason}`);
          if (!o.json) process.stdout.write(`restored ${Object.values(manifest.tables).reduce((a, b) => a + b, 0)} rows and ${manifest.evidenceFiles} evidence files from a backup of ${manifest.createdAt}; audit chain intact: ${audit.count} events\n`);
        } finally {
          await p.close();
        }
      }),
    );
}

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/dialects.js';
import { testConfig } from '../../../test/support/platform.js';
import type { EvidenceDatabase } from './evidence.tables.js';
import { type Harness, startHarness } from './testing.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

for (const dialect of testDialects()) {
  describe(`evidence API on ${dialect}`, () => {
    let db: TestDatabase;
    let h: Harness;
    let incidentId: string;
    let other: string;
    const t: Record<string, string> = {};

    const upload = (data: Buffer | string, opts: { token?: string; incident?: string; name?: string; privileged?: boolean } = {}) =>
      fetch(`${h.url}/api/v1/incidents/${opts.incident ?? incidentId}/evidence?name=${encodeURIComponent(opts.name ?? 'disk image.dd')}${opts.privileged ? '&privileged=true' : ''}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token ?? t.commander}`, 'content-type': 'application/octet-stream', 'x-evidence-description': encodeURIComponent('Laptop of j. doe — imaged') },
        body: data,
      });

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      h = await startHarness(testConfig(db));
      for (const [name, role] of [
        ['commander', 'incident_commander'],
        ['responder', 'responder'],
        ['counsel', 'legal'],
        ['viewer', 'viewer'],
        ['outsider', 'responder'],
        ['admin', 'admin'],
      ] as const) {
        t[name] = (await h.user(name, role)).token;
      }
      incidentId = await h.incident({ commander: 'commander', responder: 'member', counsel: 'legal_counsel', viewer: 'member' });
      other = await h.incident({ outsider: 'commander' });
    });
    afterAll(async () => {
      await h?.close();
      await db?.drop();
    });

    it('uploads a file, records name, size, SHA-256 and uploader, stores it encrypted and verifies', async () => {
      const data = randomBytes(3 * 1024 * 1024 + 123);
      const r = await upload(data);
      expect(r.status).toBe(201);
      const item = (await r.json()) as Record<string, unknown>;
      expect(item).toMatchObject({ incidentId, name: 'disk image.dd', description: 'Laptop of j. doe — imaged', size: data.length, sha256: sha(data), uploadedBy: 'commander', custodian: 'commander', custodyRows: 1, privileged: false });
      const files = readdirSync(join(db.dataDir, 'evidence')).filter((f) => f.endsWith('.bdev'));
      expect(files).toContain(`${item.id}.bdev`);
      expect(readFileSync(join(db.dataDir, 'evidence', `${item.id}.bdev`)).includes(data.subarray(0, 256))).toBe(false);
      const v = await h.api(`/api/v1/evidence/${item.id}/verify`, { method: 'POST', token: t.responder, body: {} });
      expect(v.status).toBe(200);
      expect(v.body).toMatchObject({ ok: true, problems: [], sha256: sha(data), size: data.length });
      const audit = await h.platform.audit.list({ incidentId });
      expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['evidence.upload', 'evidence.verify']));
    });

    it('downloads the decrypted file (whole and by Range) and records each download in the ledger', async () => {
      const data = randomBytes(1024 * 1024 + 7);
      const item = (await (await upload(data)).json()) as { id: string };
      const full = await fetch(`${h.url}/api/v1/evidence/${item.id}/content`, { headers: { authorization: `Bearer ${t.viewer}` } });
      expect(full.status).toBe(200);
      expect(full.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''disk%20image\.dd/);
      expect(Buffer.from(await full.arrayBuffer()).equals(data)).toBe(true);
      const part = await fetch(`${h.url}/api/v1/evidence/${item.id}/content`, { headers: { authorization: `Bearer ${t.viewer}`, range: 'bytes=1048570-1048580' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 1048570-1048580/${data.length}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(data.subarray(1048570, 1048581))).toBe(true);
      const custody = await h.api(`/api/v1/evidence/${item.id}/custody`, { token: t.commander });
      expect(custody.body.items.map((r: { action: string }) => r.action)).toEqual(['upload', 'download', 'download']);
      expect(custody.body.items[1]).toMatchObject({ actorName: 'viewer', seq: 2 });
    });

    it('records hand-overs; the from party must be the current custodian', async () => {
      const item = (await (await upload('evidence bytes')).json()) as { id: string };
      const wrongFrom = await h.api(`/api/v1/incidents/${incidentId}/evidence/${item.id}/handover`, { token: t.responder, body: { from: 'someone', to: 'Forensics Ltd', reason: 'analysis' } });
      expect(wrongFrom.status).toBe(409);
      const ok = await h.api(`/api/v1/incidents/${incidentId}/evidence/${item.id}/handover`, { token: t.responder, body: { to: 'Forensics Ltd (courier 123)', reason: 'imaging analysis' } });
      expect(ok.status).toBe(200);
      expect(ok.body.custodian).toBe('Forensics Ltd (courier 123)');
      const custody = await h.api(`/api/v1/evidence/${item.id}/custody`, { token: t.commander });
      expect(custody.body.items[1]).toMatchObject({ action: 'handover', from: 'commander', to: 'Forensics Ltd (courier 123)', reason: 'imaging analysis', actorName: 'responder', prevHash: custody.body.items[0].hash });
      const viewer = await h.api(`/api/v1/evidence/${item.id}/handover`, { token: t.viewer, body: { to: 'x', reason: 'y' } });
      expect(viewer.status).toBe(403);
      const wrongIncident = await h.api(`/api/v1/incidents/${other}/evidence/${item.id}/handover`, { token: t.admin, body: { to: 'x', reason: 'y' } });
      expect(wrongIncident.status).toBe(404);
    });

    it('tampering with the file bytes on disk: verify names the file', async () => {
      const data = randomBytes(2 * 1024 * 1024 + 5);
      const item = (await (await upload(data)).json()) as { id: string };
      const path = join(db.dataDir, 'evidence', `${item.id}.bdev`);
      const b = readFileSync(path);
      b[b.length - 100] ^= 0xff; // inside frame 1 (the last frame holds 5 bytes)
      writeFileSync(path, b);
      const v = await h.api(`/api/v1/evidence/${item.id}/verify`, { method: 'POST', token: t.commander, body: {} });
      expect(v.body.ok).toBe(false);
      expect(v.body.problems).toEqual([expect.stringMatching(/^file hash differs: frame 1 failed authentication/)]);
    });

    it('altering a custody row in the database: verify names the row', async () => {
      const item = (await (await upload('x')).json()) as { id: string };
      await h.api(`/api/v1/evidence/${item.id}/handover`, { token: t.commander, body: { to: 'Counsel', reason: 'review' } });
      await h.api(`/api/v1/evidence/${item.id}/handover`, { token: t.commander, body: { to: 'Vault', reason: 'storage' } });
      const edb = h.platform.store.db as unknown as Kysely<EvidenceDatabase>;
      await edb.updateTable('evidence_custody').set({ to_party: 'Mallory' }).where('item_id', '=', item.id).where('seq', '=', 2).execute();
      const v = await h.api(`/api/v1/evidence/${item.id}/verify`, { method: 'POST', token: t.commander, body: {} });
      expect(v.body.ok).toBe(false);
      expect(v.body.problems).toEqual(['custody row 2 altered']);
    });

    it('legal hold blocks deletion; deletion is for commanders, removes the file and keeps the ledger', async () => {
      const item = (await (await upload('to be deleted')).json()) as { id: string };
      const path = join(db.dataDir, 'evidence', `${item.id}.bdev`);
      expect((await h.api(`/api/v1/evidence/${item.id}/legal-hold`, { method: 'PUT', token: t.responder, body: { hold: true } })).status).toBe(403);
      const hold = await h.api(`/api/v1/evidence/${item.id}/legal-hold`, { method: 'PUT', token: t.counsel, body: { hold: true, reason: 'litigation expected' } });
      expect(hold.body).toMatchObject({ legalHold: true, legalHoldReason: 'litigation expected' });
      const blocked = await h.api(`/api/v1/evidence/${item.id}`, { method: 'DELETE', token: t.commander });
      expect(blocked.status).toBe(423);
      expect(existsSync(path)).toBe(true);
      await h.api(`/api/v1/evidence/${item.id}/legal-hold`, { method: 'PUT', token: t.counsel, body: { hold: false } });
      expect((await h.api(`/api/v1/evidence/${item.id}`, { method: 'DELETE', token: t.responder })).status).toBe(403);
      const del = await h.api(`/api/v1/evidence/${item.id}?reason=${encodeURIComponent('duplicate')}`, { method: 'DELETE', token: t.commander });
      expect(del.status).toBe(200);
      expect(del.body.deletedAt).toBeTruthy();
      expect(existsSync(path)).toBe(false);
      const custody = await h.api(`/api/v1/evidence/${item.id}/custody`, { token: t.commander });
      expect(custody.body.items.map((r: { action: string }) => r.action)).toEqual(['upload', 'legal_hold_set', 'legal_hold_released', 'delete']);
      const list = await h.api(`/api/v1/incidents/${incidentId}/evidence`, { token: t.commander });
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
      expect((await h.platform.audit.list({ subjectId: item.id })).map((e) => e.action)).toContain('evidence.delete');
    });

    it('privileged items and notes are hidden from a non-legal member (omitted in lists, 404 direct)', async () => {
      expect((await upload('secret memo', { token: t.responder, privileged: true })).status).toBe(403);
      const priv = (await (await upload('counsel memo', { token: t.counsel, privileged: true, name: 'memo.pdf' })).json()) as { id: string; privileged: boolean };
      expect(priv.privileged).toBe(true);
      const seen = async (token: string) => (await h.api(`/api/v1/incidents/${incidentId}/evidence?limit=500`, { token })).body.items.map((i: { id: string }) => i.id);
      expect(await seen(t.counsel)).toContain(priv.id);
      expect(await seen(t.admin)).toContain(priv.id);
      expect(await seen(t.responder)).not.toContain(priv.id);
      for (const path of [`/api/v1/evidence/${priv.id}`, `/api/v1/evidence/${priv.id}/content`, `/api/v1/evidence/${priv.id}/custody`]) {
        expect((await h.api(path, { token: t.responder })).status, path).toBe(404);
      }
      expect((await h.api(`/api/v1/evidence/${priv.id}/verify`, { method: 'POST', token: t.responder, body: {} })).status).toBe(404);
      const audit = await h.platform.audit.list({ subjectId: priv.id });
      expect(JSON.stringify(audit)).not.toContain('memo.pdf');

      const note = await h.api(`/api/v1/incidents/${incidentId}/notes`, { token: t.counsel, body: { body: 'Advice: do not notify X yet', privileged: true } });
      expect(note.status).toBe(201);
      const open = await h.api(`/api/v1/incidents/${incidentId}/notes`, { token: t.responder, body: { body: 'Firewall rule added', privileged: false } });
      expect(open.status).toBe(201);
      expect((await h.api(`/api/v1/incidents/${incidentId}/notes`, { token: t.responder, body: { body: 'x', privileged: true } })).status).toBe(403);
      const forResponder = await h.api(`/api/v1/incidents/${incidentId}/notes`, { token: t.responder });
      expect(forResponder.body.items.map((n: { id: string }) => n.id)).toEqual([open.body.id]);
      const forCounsel = await h.api(`/api/v1/incidents/${incidentId}/notes`, { token: t.counsel });
      expect(forCounsel.body.items.map((n: { body: string }) => n.body)).toEqual(['Advice: do not notify X yet', 'Firewall rule added']);
      expect((await h.api(`/api/v1/incidents/${incidentId}/notes/${note.body.id}`, { token: t.responder })).status).toBe(404);
      expect((await h.api(`/api/v1/incidents/${incidentId}/notes/${note.body.id}`, { token: t.counsel })).body.body).toBe('Advice: do not notify X yet');
      // The note body is encrypted at rest and absent from the audit trail.
      const raw = JSON.stringify(await h.platform.store.db.selectFrom('audit_events').selectAll().execute());
      expect(raw).not.toContain('do not notify');
      // Un-flagging makes the item visible to members again.
      const unflag = await h.api(`/api/v1/evidence/${priv.id}/privileged`, { method: 'PUT', token: t.counsel, body: { privileged: false } });
      expect(unflag.body.privileged).toBe(false);
      expect(await seen(t.responder)).toContain(priv.id);
    });

    it('non-members see nothing of the incident; viewers cannot upload', async () => {
      expect((await h.api(`/api/v1/incidents/${incidentId}/evidence`, { token: t.outsider })).status).toBe(404);
      expect((await upload('x', { token: t.outsider })).status).toBe(404);
      const item = (await (await upload('y')).json()) as { id: string };
      expect((await h.api(`/api/v1/evidence/${item.id}`, { token: t.outsider })).status).toBe(404);
      expect((await h.api(`/api/v1/evidence/${item.id}/verify`, { method: 'POST', token: t.outsider, body: {} })).status).toBe(404);
      expect((await upload('x', { token: t.viewer })).status).toBe(403);
      expect((await h.api(`/api/v1/incidents/${incidentId}/notes`, { token: t.outsider })).status).toBe(404);
      expect((await h.api(`/api/v1/incidents/no-such-incident/evidence`, { token: t.admin })).status).toBe(404);
    });

    it('concurrent custody events keep one unbroken chain', async () => {
      const item = (await (await upload('concurrent')).json()) as { id: string };
      const rs = await Promise.all(Array.from({ length: 8 }, () => h.api(`/api/v1/evidence/${item.id}`, { token: t.responder })));
      expect(rs.map((r) => r.status)).toEqual(Array(8).fill(200));
      const v = await h.api(`/api/v1/evidence/${item.id}/verify`, { method: 'POST', token: t.commander, body: {} });
      expect(v.body).toMatchObject({ ok: true, custodyRows: 10 });
      const custody = await h.api(`/api/v1/evidence/${item.id}/custody`, { token: t.commander });
      expect(custody.body.items.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('paginates the list with a cursor', async () => {
      const inc = await h.incident({ commander: 'commander' });
      for (let i = 0; i < 5; i++) await upload(`file ${i}`, { incident: inc, name: `f${i}` });
      const names: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r: { body: { items: Array<{ name: string }>; nextCursor: string | null } } = await h.api(`/api/v1/incidents/${inc}/evidence?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: t.commander });
        names.push(...r.body.items.map((i) => i.name));
        cursor = r.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(names.sort()).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    });

    it('a partial upload (client disconnects) leaves no item and no file', async () => {
      const inc = await h.incident({ commander: 'commander' });
      const u = new URL(`${h.url}/api/v1/incidents/${inc}/evidence?name=partial.bin`);
      let partialSeen = 0;
      await new Promise<void>((resolve) => {
        const req = httpRequest({
          host: u.hostname,
          port: u.port,
          path: u.pathname + u.search,
          method: 'POST',
          headers: { authorization: `Bearer ${t.commander}`, 'content-type': 'application/octet-stream', 'content-length': String(10 * 1024 * 1024) },
        });
        req.on('error', () => resolve());
        req.write(randomBytes(3 * 1024 * 1024), () =>
          setTimeout(() => {
            // The server is mid-upload: its partial file exists.
            partialSeen = readdirSync(join(db.dataDir, 'evidence', '.partial')).length;
            req.destroy();
            resolve();
          }, 300),
        );
      });
      // The server notices the reset asynchronously: poll until the partial file is gone.
      const partialDir = join(db.dataDir, 'evidence', '.partial');
      for (let i = 0; i < 100 && existsSync(partialDir) && readdirSync(partialDir).length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(partialSeen).toBe(1);
      expect(readdirSync(partialDir)).toEqual([]);
      const list = await h.api(`/api/v1/incidents/${inc}/evidence`, { token: t.commander });
      expect(list.body.items).toEqual([]);
      const edb = h.platform.store.db as unknown as Kysely<EvidenceDatabase>;
      const rows = await edb.selectFrom('evidence_items').select('file_path').execute();
      const onDisk = readdirSync(join(db.dataDir, 'evidence')).filter((f) => f.endsWith('.bdev'));
      expect(onDisk.sort()).toEqual(rows.filter((r) => existsSync(join(db.dataDir, r.file_path))).map((r) => r.file_path.split('/').pop()).sort());
      expect(onDisk.length).toBeLessThanOrEqual(rows.length);
    });

    it('removes partial uploads left idle by a crashed process, keeping fresh ones', async () => {
      const dir = join(db.dataDir, 'evidence', '.partial');
      writeFileSync(join(dir, 'dead.part'), 'x');
      writeFileSync(join(dir, 'live.part'), 'y');
      const old = new Date(Date.now() - 2 * 3600_000);
      utimesSync(join(dir, 'dead.part'), old, old);
      expect(h.evidence.service.cleanStalePartials()).toBe(1);
      expect(readdirSync(dir)).toEqual(['live.part']);
      rmSync(join(dir, 'live.part'));
    });

    it('refuses uploads without a name or with another content type', async () => {
      const noName = await fetch(`${h.url}/api/v1/incidents/${incidentId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${t.commander}`, 'content-type': 'application/octet-stream' }, body: 'x' });
      expect(noName.status).toBe(400);
      const json = await h.api(`/api/v1/incidents/${incidentId}/evidence?name=a`, { token: t.commander, body: { a: 1 } });
      expect(json.status).toBe(415);
    });
  });
}

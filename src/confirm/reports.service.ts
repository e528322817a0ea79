/**
 * Outside reports: a researcher, customer or journalist tells us data is exposed. The form is
 * public, so it stores everything encrypted, echoes nothing back but a reference, keeps
 * attachments in quarantine (encrypted, never rendered), and raises an alert into triage.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import { canUnmask, type Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import { ForbiddenError, NotFoundError } from '../platform/http/problem.js';
import { newId } from '../platform/ids.js';
import { INTERNAL_SOURCES, type IntakeService } from './intake.service.js';
import { blank } from './normalise/alert.js';
import type { ReportsRepository } from './reports.repository.js';

export const REPORT_CATEGORIES = ['exposed_data', 'vulnerability', 'phishing', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export interface ReportInput {
  category: ReportCategory;
  message: string;
  affected?: string;
  name?: string;
  contact?: string;
  attachments?: Array<{ name: string; contentBase64: string }>;
}

export interface ReportView {
  id: string;
  reference: string;
  category: string;
  receivedAt: string;
  alertId: string | null;
  message: string;
  affected: string | null;
  name: string | null;
  contact: string | null;
  masked: boolean;
  attachments: Array<{ id: string; name: string; sha256: string; size: number }>;
}

const mask = (s: string | null) => (s === null ? null : s.length <= 2 ? '***' : `${s.slice(0, 1)}***${s.slice(-1)}`);

export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
    private readonly intake: IntakeService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async submit(input: ReportInput, ip: string): Promise<{ reference: string }> {
    const id = newId();
    const reference = `R-${randomBytes(5).toString('hex').toUpperCase()}`;
    const at = this.now().toISOString();
    const body = { message: input.message, affected: input.affected ?? null, name: input.name ?? null, contact: input.contact ?? null };
    const files = (input.attachments ?? []).map((a) => ({ name: a.name, bytes: Buffer.from(a.contentBase64, 'base64') }));
    await this.repo.transaction(async (t) => {
      await t.insertReport({ id, reference, category: input.category, received_at: at, ip_index: this.keyring.blindIndex('report-ip', ip), body_enc: this.keyring.encryptJson(body, `report:${id}`), alert_id: null });
      for (const f of files) {
        const aid = newId();
        await t.insertAttachment({
          id: aid,
          report_id: id,
          name_enc: this.keyring.encrypt(f.name, `report-attachment:${aid}`),
          sha256: createHash('sha256').update(f.bytes).digest('hex'),
          size: f.bytes.length,
          content_enc: this.keyring.encrypt(f.bytes.toString('base64'), `report-attachment:${aid}`),
        });
      }
    });
    // The alert holds no personal data: category, reference and the affected URL/domain only.
    const a = blank('report', at);
    a.sourceAlertId = reference;
    a.sourceRef = reference;
    a.title = `Outside report (${input.category.replace('_', ' ')}) ${reference}`;
    a.rule = { id: `report/${input.category}`, name: 'Outside report', category: input.category, mitre: [] };
    a.severity = input.category === 'exposed_data' ? 'high' : 'medium';
    a.severityRaw = input.category;
    const affected = input.affected?.trim();
    if (affected && /^https?:\/\/\S+$/.test(affected)) {
      a.urls = [affected];
      a.domains = [new URL(affected).hostname];
    }
    const item = await this.intake.raise(INTERNAL_SOURCES.report, a, { reference, category: input.category, attachments: files.length });
    await this.repo.setAlert(id, item.id);
    return { reference };
  }

  async list(limit = 100): Promise<ReportView[]> {
    return Promise.all((await this.repo.latestIds(limit)).map((id) => this.view(id, false)));
  }

  /** Unmasked (the reporter's name and contact) for legal and commanders only, audited. */
  async get(p: Principal, id: string, unmask: boolean): Promise<ReportView> {
    if (unmask && !canUnmask(p)) throw new ForbiddenError('unmasking personal data needs the role legal or incident_commander');
    const v = await this.view(id, unmask);
    if (unmask) await this.audit.record({ actor: actorOf(p), action: 'report.unmasked', subjectType: 'outside_report', subjectId: id });
    return v;
  }

  /** The attachments of the outside reports behind these alerts (confirm copies them into evidence). */
  async attachmentsOfAlerts(alertIds: string[]): Promise<Array<{ reference: string; name: string; bytes: Buffer; sha256: string }>> {
    if (!alertIds.length) return [];
    const reports = await this.repo.reportsOfAlerts(alertIds);
    const out: Array<{ reference: string; name: string; bytes: Buffer; sha256: string }> = [];
    for (const r of reports) {
      const atts = await this.repo.attachmentsOf(r.id);
      for (const a of atts) {
        const ctx = `report-attachment:${a.id}`;
        out.push({ reference: r.reference, name: this.keyring.decrypt(a.name_enc, ctx), bytes: Buffer.from(this.keyring.decrypt(a.content_enc, ctx), 'base64'), sha256: a.sha256 });
      }
    }
    return out;
  }

  /** An attachment's bytes (quarantined: the route serves them as an octet-stream download). */
  async attachment(p: Principal, reportId: string, attachmentId: string): Promise<{ name: string; bytes: Buffer; sha256: string }> {
    const r = await this.repo.attachment(reportId, attachmentId);
    if (!r) throw new NotFoundError('attachment');
    await this.audit.record({ actor: actorOf(p), action: 'report.attachment_downloaded', subjectType: 'outside_report', subjectId: reportId, after: { attachmentId, sha256: r.sha256 } });
    return { name: this.keyring.decrypt(r.name_enc, `report-attachment:${r.id}`), bytes: Buffer.from(this.keyring.decrypt(r.content_enc, `report-attachment:${r.id}`), 'base64'), sha256: r.sha256 };
  }

  private async view(id: string, unmask: boolean): Promise<ReportView> {
    const r = await this.repo.report(id);
    if (!r) throw new NotFoundError('report');
    const b = this.keyring.decryptJson<{ message: string; affected: string | null; name: string | null; contact: string | null }>(r.body_enc, `report:${r.id}`);
    const atts = await this.repo.attachmentListOf(id);
    return {
      id: r.id,
      reference: r.reference,
      category: r.category,
      receivedAt: r.received_at,
      alertId: r.alert_id,
      message: b.message,
      affected: b.affected,
      name: unmask ? b.name : mask(b.name),
      contact: unmask ? b.contact : mask(b.contact),
      masked: !unmask,
      attachments: atts.map((a) => ({ id: a.id, name: this.keyring.decrypt(a.name_enc, `report-attachment:${a.id}`), sha256: a.sha256, size: a.size })),
    };
  }
}

/**
 * Use cases of the notices feature behind one facade: affected people (people.service.ts),
 * drafting (drafts.service.ts), the approval workflow (approval.service.ts), the delivery
 * campaign (campaign.service.ts), and postal batches, result imports, proof and tracking
 * (proof.service.ts). They share one NoticesStore (notices.store.ts).
 */
import { ApprovalService } from './approval.service.js';
import { CampaignService } from './campaign.service.js';
import { DraftsService } from './drafts.service.js';
import { EmailPrimaryService } from './email-primary.service.js';
import { MessagesService } from './messages.service.js';
import { type NoticesDeps, NoticesStore } from './notices.store.js';
import type { NoticesRepository } from './notices.repository.js';
import type { OutboxRepository } from './outbox.repository.js';
import { PeopleService } from './people.service.js';
import type { PeopleRepository } from './people.repository.js';
import { ProofService } from './proof.service.js';
import { SendChecksService } from './send-checks.service.js';
import { SubmissionsService } from './submissions.service.js';

export {
  addressLines,
  inAudience,
  type IncidentAccessPort,
  messageIdFor,
  type NoticeStatus,
  type NoticeView,
  type NoticesDeps,
  type ObligationsMetPort,
  recipientName,
} from './notices.store.js';

type Args<K extends keyof T, T> = T[K] extends (...a: infer A) => unknown ? A : never;

export class NoticesService {
  readonly people: PeopleRepository;
  readonly notices: NoticesRepository;
  readonly outbox: OutboxRepository;
  readonly store: NoticesStore;
  readonly affected: PeopleService;
  readonly drafts: DraftsService;
  readonly approval: ApprovalService;
  readonly campaign: CampaignService;
  readonly proof: ProofService;
  readonly submissions: SubmissionsService;
  readonly sendChecks: SendChecksService;
  /** Stakeholder updates (and any other message stream) through the same outbox. */
  readonly messages: MessagesService;
  /** The incident's "e-mail is our primary means of communication" declaration. */
  readonly emailPrimary: EmailPrimaryService;

  constructor(deps: NoticesDeps) {
    this.store = new NoticesStore(deps);
    this.people = this.store.people;
    this.notices = this.store.notices;
    this.outbox = this.store.outbox;
    this.affected = new PeopleService(this.store);
    this.drafts = new DraftsService(this.store);
    this.approval = new ApprovalService(this.store, this.drafts);
    this.campaign = new CampaignService(this.store);
    this.proof = new ProofService(this.store, this.campaign);
    this.submissions = new SubmissionsService(this.store, this.drafts);
    this.sendChecks = new SendChecksService(this.store);
    this.messages = new MessagesService(this.store, deps.webhook);
    this.emailPrimary = new EmailPrimaryService(this.store);
  }

  // people
  decryptPerson(...a: Args<'decryptPerson', NoticesStore>) {
    return this.store.decryptPerson(...a);
  }
  previewImport(...a: Args<'previewImport', PeopleService>) {
    return this.affected.previewImport(...a);
  }
  importFile(...a: Args<'importFile', PeopleService>) {
    return this.affected.importFile(...a);
  }
  importMatches(...a: Args<'importMatches', PeopleService>) {
    return this.affected.importMatches(...a);
  }
  maskPerson(...a: Args<'maskPerson', PeopleService>) {
    return this.affected.maskPerson(...a);
  }
  listPeople(...a: Args<'listPeople', PeopleService>) {
    return this.affected.listPeople(...a);
  }
  countsByJurisdiction(...a: Args<'countsByJurisdiction', PeopleService>) {
    return this.affected.countsByJurisdiction(...a);
  }
  countsFor(...a: Args<'countsFor', PeopleService>) {
    return this.affected.countsFor(...a);
  }

  // drafting
  pickRule(...a: Args<'pickRule', DraftsService>) {
    return this.drafts.pickRule(...a);
  }
  draft(...a: Args<'draft', DraftsService>) {
    return this.drafts.draft(...a);
  }
  revise(...a: Args<'revise', DraftsService>) {
    return this.drafts.revise(...a);
  }
  view(...a: Args<'view', DraftsService>) {
    return this.drafts.view(...a);
  }
  list(...a: Args<'list', DraftsService>) {
    return this.drafts.list(...a);
  }
  preview(...a: Args<'preview', DraftsService>) {
    return this.drafts.preview(...a);
  }

  // approval
  submit(...a: Args<'submit', ApprovalService>) {
    return this.approval.submit(...a);
  }
  approve(...a: Args<'approve', ApprovalService>) {
    return this.approval.approve(...a);
  }

  // campaign
  requestSend(...a: Args<'requestSend', CampaignService>) {
    return this.campaign.requestSend(...a);
  }
  materialize(...a: Args<'materialize', CampaignService>) {
    return this.campaign.materialize(...a);
  }
  status(...a: Args<'status', CampaignService>) {
    return this.campaign.status(...a);
  }
  deliverer(...a: Args<'deliverer', CampaignService>) {
    return this.campaign.deliverer(...a);
  }
  mailRenderer(...a: Args<'mailRenderer', CampaignService>) {
    return this.campaign.mailRenderer(...a);
  }
  runDelivery(...a: Args<'runDelivery', CampaignService>) {
    return this.campaign.runDelivery(...a);
  }
  finish(...a: Args<'finish', CampaignService>) {
    return this.campaign.finish(...a);
  }

  // after sending
  postalBatch(...a: Args<'postalBatch', ProofService>) {
    return this.proof.postalBatch(...a);
  }
  importResults(...a: Args<'importResults', ProofService>) {
    return this.proof.importResults(...a);
  }
  exportProof(...a: Args<'exportProof', ProofService>) {
    return this.proof.exportProof(...a);
  }
  tracking(...a: Args<'tracking', ProofService>) {
    return this.proof.tracking(...a);
  }

  // before sending
  audience(...a: Args<'audience', SendChecksService>) {
    return this.sendChecks.audience(...a);
  }
  testSend(...a: Args<'testSend', SendChecksService>) {
    return this.sendChecks.testSend(...a);
  }
  emailPrimaryOf(...a: Args<'get', EmailPrimaryService>) {
    return this.emailPrimary.get(...a);
  }
  declareEmailPrimary(...a: Args<'set', EmailPrimaryService>) {
    return this.emailPrimary.set(...a);
  }

  // submissions by hand
  recordSubmission(...a: Args<'record', SubmissionsService>) {
    return this.submissions.record(...a);
  }
  submission(...a: Args<'get', SubmissionsService>) {
    return this.submissions.get(...a);
  }
}

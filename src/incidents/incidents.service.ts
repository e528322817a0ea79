/**
 * Use cases of the incident workspace behind one facade: the response plan (plan.service.ts),
 * incidents and their life cycle (lifecycle.service.ts), members, tasks and reminders, the
 * journal (timeline, decisions), the breach register and observables. They share one
 * IncidentsStore (incidents.store.ts): every change is audited with `incidentId` set, in the same
 * transaction as the change, so the timeline (built from the audit trail) misses nothing. Access
 * checks happen in the routes through IncidentAccess; methods taking a Principal use it only for
 * visibility filters and actors.
 */
import type { AuditService } from '../platform/audit/audit.service.js';
import type { AccountsService } from '../platform/auth/accounts.service.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import type { IncidentsRepository } from './incidents.repository.js';
import { IncidentsStore, type IncidentsServiceOptions } from './incidents.store.js';
import { PlanService } from './plan.service.js';
import { LifecycleService } from './lifecycle.service.js';
import { MembersService } from './members.service.js';
import { TasksService } from './tasks.service.js';
import { JournalService } from './journal.service.js';
import { RegisterService } from './register.service.js';
import { ObservablesService } from './observables.service.js';

export type { IncidentsServiceOptions, Page } from './incidents.store.js';

type Args<K extends keyof T, T> = T[K] extends (...a: infer A) => unknown ? A : never;

export class IncidentsService {
  readonly store: IncidentsStore;
  readonly plan: PlanService;
  readonly lifecycle: LifecycleService;
  readonly members: MembersService;
  readonly tasks: TasksService;
  readonly journal: JournalService;
  readonly registerPart: RegisterService;
  readonly observables: ObservablesService;

  constructor(
    readonly repo: IncidentsRepository,
    audit: AuditService,
    keyring: Keyring,
    accounts: AccountsService,
    opts: IncidentsServiceOptions,
  ) {
    this.store = new IncidentsStore(repo, audit, keyring, accounts, opts);
    this.plan = new PlanService(this.store);
    this.lifecycle = new LifecycleService(this.store, this.plan);
    this.members = new MembersService(this.store);
    this.tasks = new TasksService(this.store);
    this.journal = new JournalService(this.store);
    this.registerPart = new RegisterService(this.store);
    this.observables = new ObservablesService(this.store);
  }

  /**
   * The next open legal deadline per incident; the composition root sets it to the
   * obligation tracker's answer (the workspace itself knows no law).
   */
  get nextDeadlines(): IncidentsStore['nextDeadlines'] {
    return this.store.nextDeadlines;
  }
  set nextDeadlines(fn: IncidentsStore['nextDeadlines']) {
    this.store.nextDeadlines = fn;
  }
  set practiceIncidents(fn: IncidentsStore['practiceIncidents']) {
    this.store.practiceIncidents = fn;
  }
  /** Notifications made (sent notices, recorded submissions) for the register; set by src/main. */
  get notifications(): IncidentsStore['notifications'] {
    return this.store.notifications;
  }
  set notifications(fn: IncidentsStore['notifications']) {
    this.store.notifications = fn;
  }

  roleOf(...a: Args<'roleOf', IncidentsStore>) {
    return this.store.roleOf(...a);
  }
  assertCanLead(...a: Args<'assertCanLead', IncidentsStore>) {
    return this.store.assertCanLead(...a);
  }
  currentPlan(...a: Args<'currentPlan', PlanService>) {
    return this.plan.currentPlan(...a);
  }
  planVersion(...a: Args<'planVersion', PlanService>) {
    return this.plan.planVersion(...a);
  }
  listPlanVersions(...a: Args<'listPlanVersions', PlanService>) {
    return this.plan.listPlanVersions(...a);
  }
  savePlan(...a: Args<'savePlan', PlanService>) {
    return this.plan.savePlan(...a);
  }
  create(...a: Args<'create', LifecycleService>) {
    return this.lifecycle.create(...a);
  }
  get(...a: Args<'get', LifecycleService>) {
    return this.lifecycle.get(...a);
  }
  list(...a: Args<'list', LifecycleService>) {
    return this.lifecycle.list(...a);
  }
  update(...a: Args<'update', LifecycleService>) {
    return this.lifecycle.update(...a);
  }
  transition(...a: Args<'transition', LifecycleService>) {
    return this.lifecycle.transition(...a);
  }
  listMembers(...a: Args<'listMembers', MembersService>) {
    return this.members.listMembers(...a);
  }
  addMember(...a: Args<'addMember', MembersService>) {
    return this.members.addMember(...a);
  }
  removeMember(...a: Args<'removeMember', MembersService>) {
    return this.members.removeMember(...a);
  }
  listTasks(...a: Args<'listTasks', TasksService>) {
    return this.tasks.listTasks(...a);
  }
  dueTasks(...a: Args<'dueTasks', TasksService>) {
    return this.tasks.dueTasks(...a);
  }
  createTask(...a: Args<'createTask', TasksService>) {
    return this.tasks.createTask(...a);
  }
  task(...a: Args<'task', TasksService>) {
    return this.tasks.task(...a);
  }
  updateTask(...a: Args<'updateTask', TasksService>) {
    return this.tasks.updateTask(...a);
  }
  sendDueReminders(...a: Args<'sendDueReminders', TasksService>) {
    return this.tasks.sendDueReminders(...a);
  }
  timeline(...a: Args<'timeline', JournalService>) {
    return this.journal.timeline(...a);
  }
  timelinePage(...a: Args<'timelinePage', JournalService>) {
    return this.journal.timelinePage(...a);
  }
  addTimelineEntry(...a: Args<'addTimelineEntry', JournalService>) {
    return this.journal.addTimelineEntry(...a);
  }
  recordDecision(...a: Args<'recordDecision', JournalService>) {
    return this.journal.recordDecision(...a);
  }
  listDecisions(...a: Args<'listDecisions', JournalService>) {
    return this.journal.listDecisions(...a);
  }
  decisionsPage(...a: Args<'decisionsPage', JournalService>) {
    return this.journal.decisionsPage(...a);
  }
  register(...a: Args<'register', RegisterService>) {
    return this.registerPart.register(...a);
  }
  addObservable(...a: Args<'addObservable', ObservablesService>) {
    return this.observables.addObservable(...a);
  }
  hasObservable(...a: Args<'hasObservable', ObservablesService>) {
    return this.observables.hasObservable(...a);
  }
  listObservables(...a: Args<'listObservables', ObservablesService>) {
    return this.observables.listObservables(...a);
  }
  searchObservables(...a: Args<'searchObservables', ObservablesService>) {
    return this.observables.searchObservables(...a);
  }
}

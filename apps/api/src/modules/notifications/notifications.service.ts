import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelInput, ChannelView, DeliveriesQuery, DeliveryView, DepartmentTodo, MessageKind } from '@app/contracts';
import { formatInstant, isWorkingDay, localDate } from '@app/scoring';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { MasterDataService } from '../master-data/master-data.service';
import { ScoringService } from '../scoring/scoring.service';
import { SettingsService } from '../settings/settings.service';
import { TodoService } from '../todo/todo.service';
import { caseNotice, digestNotice, render, resultNotice, summaryNotice, testNotice, todoNotice, type CaseStep, type Notice } from './messages';
import { NotificationsRepository, type ClaimedDelivery, type StoredChannel } from './notifications.repository';
import type { SecretBox } from '../../common/secret-box';
import { transmit } from './transport';
import { conflict, notFound } from '../../common/user-error';

export interface SendCounts {
  sent: number;
  skipped: number;
  failed: number;
}

/** A sender that dies keeps its deliveries this much longer than its tries could take, then another takes them. */
const LEASE_MARGIN_MS = 60_000;
const TRY_BOUND_MS = 20_000;

const toView = (c: StoredChannel): ChannelView => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  target: c.target,
  hasSecret: c.sealedSecret !== null,
  dept: c.dept,
  role: c.role,
  createdAt: c.createdAt,
});

/**
 * What is sent to whom (issue 14): a department's channels get its to-do on
 * working days and its result when a period is published; a role's channels
 * the daily overdue digest and the published period's summary. Every message
 * is logged once per channel, kind and item before it is sent, so sending may
 * run any number of times; a failed try is retried with backoff.
 */
@Injectable()
export class NotificationsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly background = new Set<Promise<unknown>>();

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly todo: TodoService,
    private readonly scoring: ScoringService,
    private readonly masterData: MasterDataService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Where message links point: PUBLIC_ORIGIN, else this instance on localhost. */
  private get publicOrigin(): string {
    return this.config.PUBLIC_ORIGIN ?? `http://localhost:${this.config.PORT}`;
  }

  private secretBox(): Promise<SecretBox> {
    return this.settings.secretBox(this.config.SECRET_KEY);
  }

  /** Background sends finish (their tries are logged) before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.background]);
  }

  /** Runs `work` after the caller has moved on (an HTTP answer is not held up by a receiver). */
  private inBackground(what: string, work: () => Promise<unknown>): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => RequestContext.create(this.orm.em, work))
      .catch((error: unknown) => this.logger.warn(`${what} failed: ${(error as Error).message}`))
      .finally(() => this.background.delete(run));
    this.background.add(run);
  }

  async channels(): Promise<ChannelView[]> {
    return (await this.repo.channels()).map(toView);
  }

  async addChannel(input: ChannelInput, actor: string): Promise<ChannelView> {
    if (input.dept !== undefined && !(await this.masterData.departmentExists(input.dept))) throw notFound('dept.unknown', { dept: input.dept });
    const sealedSecret = input.secret === undefined ? null : (await this.secretBox()).seal(input.secret);
    const added = await this.repo.addChannel({
      name: input.name,
      kind: input.kind,
      target: input.target,
      sealedSecret,
      dept: input.dept ?? null,
      role: input.role ?? null,
    });
    if (!added) throw conflict('channel.exists', { name: input.name });
    await this.audit.record(actor, 'notify.channel.add', input.name, {
      kind: input.kind,
      dept: input.dept ?? null,
      role: input.role ?? null,
      hasSecret: sealedSecret !== null,
    });
    return toView(added);
  }

  async deleteChannel(id: number, actor: string): Promise<{ id: number; deleted: true }> {
    const channel = await this.repo.channel(id);
    if (!channel || !(await this.repo.deleteChannel(id))) throw notFound('channel.unknown', { id });
    await this.audit.record(actor, 'notify.channel.delete', channel.name, { kind: channel.kind });
    return { id, deleted: true };
  }

  /** Queues a test message to one channel and sends it in the background; the delivery log shows the receiver's answer. */
  async test(id: number, actor: string): Promise<{ deliveryId: number; queued: true }> {
    const channel = await this.repo.channel(id);
    if (!channel) throw notFound('channel.unknown', { id });
    const now = Date.now();
    const notice = testNotice(channel.name, formatInstant(now, this.config.ASSESSMENT_TIME_ZONE));
    const deliveryId = await this.repo.enqueue(channel.id, 'test', `${actor}@${new Date(now).toISOString()}`, render(channel.kind, notice));
    if (deliveryId === null) throw conflict('channel.testBusy');
    this.inBackground(`test message to channel ${channel.name}`, () => this.deliverDue([deliveryId]));
    return { deliveryId, queued: true };
  }

  deliveries(query: DeliveriesQuery): Promise<DeliveryView[]> {
    return this.repo.deliveries(query);
  }

  /** Each department's to-do of the day and the roles' overdue digest, as of an instant; nothing on a day off. */
  async sendWarnings(asOf: number = Date.now()): Promise<SendCounts> {
    const zone = this.config.ASSESSMENT_TIME_ZONE;
    const date = localDate(asOf, zone);
    if (!isWorkingDay(date, await this.masterData.calendar())) return this.deliverQueued(0);
    const channels = await this.repo.channels();
    if (channels.length === 0) return this.deliverQueued(0);
    const [todos, departments] = await Promise.all([this.todo.todos(asOf), this.masterData.departments()]);
    const names = new Map(departments.map((d) => [d.code, d.name]));
    const byDept = new Map<string, DepartmentTodo>(todos.map((t) => [t.dept, t]));
    const digest = digestNotice(todos, names, date, this.publicOrigin);
    let skipped = 0;
    for (const channel of channels) {
      const todo = channel.dept !== null ? byDept.get(channel.dept) : undefined;
      const notice = channel.dept !== null ? (todo ? todoNotice(todo, names.get(todo.dept) ?? todo.dept, this.publicOrigin) : null) : digest;
      if (notice === null) continue;
      const item = channel.dept !== null ? `${channel.dept}:${date}` : date;
      if (!(await this.enqueue(channel, notice.kind, item, notice))) skipped++;
    }
    return this.deliverQueued(skipped);
  }

  /** A published period's result to each department's channels and its summary to the roles' (the latest published period by default). */
  async sendResults(period?: string): Promise<SendCounts> {
    const name = period ?? (await this.latestPublished());
    if (name === null) throw conflict('period.nonePublished');
    const scores = await this.scoring.scores(name);
    if (scores.origin !== 'published') throw conflict('period.notPublished', { period: scores.record.period });
    const record = scores.record;
    // A period re-opened and published again is a new result: the key carries the publication's moment.
    const publication = `${record.period}@${scores.computedAt}`;
    let skipped = 0;
    for (const channel of await this.repo.channels()) {
      let notice: Notice | null = null;
      if (channel.dept === null) notice = summaryNotice(record, this.publicOrigin);
      else {
        const score = record.departments.find((d) => d.dept === channel.dept);
        if (score) notice = resultNotice(record.period, score, record.departments.length, this.publicOrigin);
      }
      if (notice === null) continue;
      const item = channel.dept !== null ? `${channel.dept}:${publication}` : publication;
      if (!(await this.enqueue(channel, notice.kind, item, notice))) skipped++;
    }
    return this.deliverQueued(skipped);
  }

  /**
   * A rectification case's step to the department's channels (opened,
   * returned, overdue) or the inspectors' (submitted), each once: the item
   * carries the case and the step's moment.
   */
  async sendCase(
    step: CaseStep,
    c: { id: number; period: string; dept: string; due: string; inspectorComment: string | null },
    at: string,
  ): Promise<SendCounts> {
    const departments = await this.masterData.departments();
    const name = departments.find((d) => d.code === c.dept)?.name ?? c.dept;
    const notice = caseNotice(step, c, name, this.publicOrigin);
    let skipped = 0;
    for (const channel of await this.repo.channels()) {
      const wanted = step === 'submitted' ? channel.role === 'inspector' : channel.dept === c.dept;
      if (!wanted) continue;
      if (!(await this.enqueue(channel, 'case', `${c.id}:${step}@${at}`, notice))) skipped++;
    }
    return this.deliverQueued(skipped);
  }

  /** As sendCase, after the answer: a slow receiver never holds up the request. */
  caseInBackground(step: CaseStep, c: { id: number; period: string; dept: string; due: string; inspectorComment: string | null }, at: string): void {
    this.inBackground(`case ${c.id} ${step}`, () => this.sendCase(step, c, at));
  }

  /** On publication through the dashboard: the results go out after the answer. */
  resultsInBackground(period: string): void {
    this.inBackground(`results of ${period}`, () => this.sendResults(period));
  }

  private async latestPublished(): Promise<string | null> {
    const published = await this.scoring.publishedPeriods();
    const latest = [...published].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
    return latest?.period ?? null;
  }

  private async enqueue(channel: StoredChannel, kind: MessageKind, item: string, notice: Notice): Promise<boolean> {
    return (await this.repo.enqueue(channel.id, kind, item, render(channel.kind, notice))) !== null;
  }

  private async deliverQueued(skipped: number): Promise<SendCounts> {
    const { sent, failed } = await this.deliverDue();
    return { sent, skipped, failed };
  }

  /** Sends every due delivery (or the ids given), each with its tries; returns how many went out and how many failed for good. */
  async deliverDue(ids?: readonly number[]): Promise<{ sent: number; failed: number }> {
    const attempts = this.config.NOTIFY_RETRY_ATTEMPTS;
    const delays = this.config.NOTIFY_RETRY_DELAYS_MS;
    const waits = Array.from({ length: attempts - 1 }, (_, i) => delays[Math.min(i, delays.length - 1)]);
    const lease = waits.reduce((a, b) => a + b, 0) + attempts * TRY_BOUND_MS + LEASE_MARGIN_MS;
    const claimed = await this.repo.claimDue(lease, ids);
    const channels = new Map((await this.repo.channels()).map((c) => [c.id, c]));
    let sent = 0;
    let failed = 0;
    for (const delivery of claimed) {
      const channel = channels.get(delivery.channelId);
      if (!channel) continue;
      if (await this.deliver(delivery, channel, waits)) sent++;
      else failed++;
    }
    return { sent, failed };
  }

  private async deliver(delivery: ClaimedDelivery, channel: StoredChannel, waits: readonly number[]): Promise<boolean> {
    const max = waits.length + 1;
    let secret: string | null = null;
    if (channel.sealedSecret !== null) {
      try {
        secret = (await this.secretBox()).open(channel.sealedSecret);
      } catch {
        await this.repo.recordAttempt(delivery.id, delivery.attempts + 1, false, "the channel's secret cannot be decrypted (was SECRET_KEY changed?)", true);
        return false;
      }
    }
    for (let attempt = delivery.attempts + 1; ; attempt++) {
      const { ok, answer } = await transmit({ kind: channel.kind, target: channel.target, secret }, delivery.message, {
        smtpUrl: this.config.SMTP_URL,
        smtpFrom: this.config.SMTP_FROM,
      });
      const final = ok || attempt >= max;
      await this.repo.recordAttempt(delivery.id, attempt, ok, answer, final);
      if (ok) return true;
      this.logger.warn(`${delivery.kind} message ${delivery.id} to channel ${channel.name}: try ${attempt} of ${max} failed (${answer.slice(0, 200)})`);
      if (final) return false;
      await sleep(waits[attempt - 1] ?? waits[waits.length - 1] ?? 0);
    }
  }
}

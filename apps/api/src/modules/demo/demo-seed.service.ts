import { Inject, Injectable, Logger } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, SeedingPhase, SeedingStatus } from '@app/contracts';
import { formatPeriod, localDate, periodContaining, periodsBetween, previousPeriod, type Period } from '@app/scoring';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AppealsService } from '../appeals/appeals.service';
import { IngestService, zeroCounts, type IngestCounts } from '../ingest/ingest.service';
import { MasterDataService } from '../master-data/master-data.service';
import { SchemesService } from '../schemes/schemes.service';
import { ScoringService } from '../scoring/scoring.service';
import { UsersService } from '../users/users.service';
import { chinaCalendar } from './china-calendar';
import { writeCityFiles, type WriteCityFilesResult } from './generator';

export const DEMO_SEED = 20261127;
export const DEMO_MONTHS = 14;
export const DEMO_EVENTS = 300_000;
export const DEMO_BAD_LINES = 300;

/** Demo passwords that pass the password rules (pinyin of the role or department, never the username): printed when seeding ends, documented in the README. */
const DEMO_DEPARTMENT_PASSWORDS: Record<string, string> = { PSB: 'Gongan-Demo-2026', CAB: 'Minzheng-Demo-2026' };

const DEMO_USERS = [
  { username: 'leader', password: 'Lingdao-Demo-2026', role: 'leader' as const, dept: null },
  { username: 'inspector', password: 'Ducha-Demo-2026', role: 'inspector' as const, dept: null },
  { username: 'admin', password: 'Guanli-Demo-2026', role: 'admin' as const, dept: null },
];

const ACTOR = 'system:demo';

const ROLE_LABELS = { leader: 'leader 领导', inspector: 'inspector 督查', admin: 'admin 管理员', department: 'department 部门' } as const;

/** Columns on a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** The README's table of demo logins, as a plain-text table for the console. */
export function demoLoginsTable(logins: readonly { role: string; username: string; password: string }[]): string {
  const rows = [['role', 'username', 'password'], ...logins.map((l) => [l.role, l.username, l.password])];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => displayWidth(r[c]))));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell + ' '.repeat(widths[c] - displayWidth(cell))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/**
 * The demo's department logins: PSB, the city's busiest data provider, is the
 * declining department, so its pages show overdue requests, findings to appeal
 * and a place on the notice list.
 */
const DEMO_PROFILES = { PSB: 'declining' } as const;

/** What a department writes when it appeals a finding of each kind. */
const APPEAL_REASONS: Record<Finding['kind'], string> = {
  missed_window: '前置机升级期间数据推送中断，恢复后已补推，附运维记录',
  late_request: '申请方材料不全，已在期限内电话告知补正，附通话记录',
  late_objection: '异议涉及源系统数据，已转原始采集单位核实，附转办记录',
  low_completeness: '源系统字段调整导致部分记录缺项，现已补录，附补录清单',
};

/**
 * Seeds the demo city through the same importers and ingest path a real
 * deployment uses, then scores every month, quarter and year. Runs in the
 * background; `status` tells the dashboard how far it has come.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);
  private state: SeedingStatus = { state: 'idle', step: null, phase: null, detail: null, progress: 0, error: null };
  /** The accounts this seeding created, printed once it has finished (the dashboard is usable only then). */
  private created: { role: string; username: string; password: string }[] = [];
  /** What the generator promised and what the ingest reported, for the last seeding of this process. */
  lastSeed: { city: WriteCityFilesResult['city']; expected: IngestCounts; actual: IngestCounts } | null = null;

  constructor(
    private readonly masterData: MasterDataService,
    private readonly ingest: IngestService,
    private readonly scoring: ScoringService,
    private readonly users: UsersService,
    private readonly appeals: AppealsService,
    private readonly schemes: SchemesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  status(): SeedingStatus {
    return { ...this.state };
  }

  /** Seeds when the database has no departments (users may already exist). */
  async seedIfEmpty(now: number = Date.now()): Promise<boolean> {
    this.step('checking the database', 0, 'check', null, false);
    if ((await this.masterData.countDepartments()) > 0) {
      this.state = { state: 'idle', step: null, phase: null, detail: null, progress: 0, error: null };
      return false;
    }
    await this.seed(now);
    return true;
  }

  private step(step: string, progress: number, phase: SeedingPhase, detail: string | null = null, log = true): void {
    this.state = { state: 'running', step, phase, detail, progress, error: null };
    if (log) this.logger.log(`demo: ${step}`);
  }

  async seed(now: number = Date.now()): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'demo-city-'));
    try {
      const tz = this.config.ASSESSMENT_TIME_ZONE;
      const currentMonth = periodContaining('month', now, tz);
      let firstMonth = currentMonth;
      for (let i = 1; i < DEMO_MONTHS; i++) firstMonth = previousPeriod(firstMonth);
      this.created = [];
      this.step('generating the demo city', 0.01, 'generate');
      const written = await writeCityFiles(dir, {
        seed: DEMO_SEED,
        endMonth: formatPeriod(currentMonth),
        months: DEMO_MONTHS,
        lastDay: localDate(now, tz),
        activeFromMonth: formatPeriod(firstMonth),
        profiles: DEMO_PROFILES,
        targetEvents: DEMO_EVENTS,
        mix: 'demo',
        calendar: chinaCalendar().entries,
        badLines: DEMO_BAD_LINES,
      });
      await this.importMasterData(written);
      await this.assessFrom(written.counts.events.months[0].month);
      const actual = await this.ingestEvents(written);
      this.lastSeed = { city: written.city, expected: written.counts.expected, actual };
      await this.createUsers(written);
      const months = periodsBetween(written.counts.events.months[0].month, formatPeriod(currentMonth));
      await this.scoreAll(months, 0.75, 0.9);
      await this.fileAppeals(months, written);
      await this.scoreAll(months, 0.9, 1);
      this.state = { state: 'done', step: 'done', phase: 'done', detail: null, progress: 1, error: null };
      this.logger.log('demo: the demo city is ready');
      if (this.created.length > 0) {
        process.stdout.write(`\nThe demo city is ready at ${this.publicOrigin()}. Demo logins:\n\n${demoLoginsTable(this.created)}\n\n`);
      }
    } catch (error) {
      this.state = { ...this.state, state: 'failed', error: (error as Error).message };
      this.logger.error(`demo seeding failed: ${(error as Error).message}`);
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async importMasterData(written: WriteCityFilesResult): Promise<void> {
    this.step('importing departments, catalog and calendar', 0.03, 'masterData');
    for (const kind of ['departments', 'catalog', 'calendar'] as const) {
      const file = written.files.find((f) => f.kind === kind)!;
      await this.masterData.import(kind, await readFile(file.path), ACTOR, file.name);
    }
  }

  /** The demo's data begins with its first generated month: the scheme assesses from there (scoring.md "Time"). */
  private async assessFrom(month: string): Promise<void> {
    const { version: _version, ...current } = await this.schemes.current();
    if (current.assessmentStart === month) return;
    await this.schemes.create({ ...current, assessmentStart: month }, '演示城市：自首个生成月份起考核', ACTOR);
  }

  private async ingestEvents(written: WriteCityFilesResult): Promise<IngestCounts> {
    const files = written.files.filter((f) => f.kind === 'events');
    const total = files.reduce((sum, f) => sum + f.lines, 0) || 1;
    const counts = zeroCounts();
    let done = 0;
    for (const file of files) {
      this.step(`ingesting ${file.name}`, 0.05 + (0.7 * done) / total, 'events', file.name);
      const result = await this.ingest.ingest(createReadStream(file.path), {
        source: file.name,
        format: 'ndjson',
        via: 'demo',
        size: file.bytes,
        onProgress: (read) => (this.state = { ...this.state, progress: 0.05 + (0.7 * (done + read)) / total }),
      });
      counts.read += result.read;
      counts.accepted += result.accepted;
      counts.duplicates += result.duplicates;
      counts.quarantined += result.quarantined;
      done += file.lines;
    }
    return counts;
  }

  /** A leader, an inspector, an admin and users for two departments; existing accounts are left alone. */
  private async createUsers(written: WriteCityFilesResult): Promise<void> {
    this.step('creating demo users', 0.75, 'users');
    const names = new Map(written.city.departments.map((d) => [d.code, d.name]));
    for (const u of [...DEMO_USERS, ...this.departmentUsers(written)]) {
      if (await this.users.current(u.username)) continue;
      await this.users.save(u, ACTOR);
      const role = u.dept ? `${ROLE_LABELS.department} (${names.get(u.dept) ?? u.dept} ${u.dept})` : ROLE_LABELS[u.role];
      this.created.push({ role, username: u.username, password: u.password });
    }
  }

  private publicOrigin(): string {
    return this.config.PUBLIC_ORIGIN ?? `http://localhost:${this.config.PORT}`;
  }

  departmentUsers(written: Pick<WriteCityFilesResult, 'city'>) {
    const codes = written.city.departments.map((d) => d.code);
    const picked = ['PSB', 'CAB'].filter((c) => codes.includes(c));
    return picked.map((dept) => ({ username: dept.toLowerCase(), password: DEMO_DEPARTMENT_PASSWORDS[dept], role: 'department' as const, dept }));
  }

  /** Every month, and the quarters and years they belong to. */
  private async scoreAll(months: Period[], from: number, to: number): Promise<void> {
    const names = new Set<string>();
    for (const m of months) {
      names.add(formatPeriod(m));
      names.add(`${m.year}-Q${Math.ceil(m.index / 3)}`);
      names.add(String(m.year));
    }
    const list = [...names];
    for (let i = 0; i < list.length; i++) {
      this.step(`scoring ${list[i]}`, from + ((to - from) * i) / list.length, 'scoring', list[i]);
      await this.scoring.recompute(list[i]);
    }
  }

  /**
   * A few appeals so the workflow has something to show: the demo department
   * users appeal findings of the last complete months; some are accepted,
   * some rejected, one stays pending.
   */
  private async fileAppeals(months: Period[], written: WriteCityFilesResult): Promise<void> {
    this.step('filing demo appeals', 0.9, 'appeals');
    if (await this.appeals.any()) return;
    const complete = months.slice(-3, -1);
    let n = 0;
    for (const u of this.departmentUsers(written)) {
      for (const month of complete) {
        const period = formatPeriod(month);
        const scores = await this.scoring.scores(period);
        for (const finding of (scores.findings[u.dept] ?? []).slice(0, 2)) {
          const input = {
            dept: u.dept,
            period,
            kind: finding.kind,
            reason: APPEAL_REASONS[finding.kind],
            ...(finding.kind === 'missed_window' || finding.kind === 'low_completeness' ? { resource: finding.resource } : {}),
            ...(finding.kind === 'missed_window' ? { windowStart: finding.windowStart } : {}),
            ...(finding.kind === 'late_request' ? { request: finding.request } : {}),
            ...(finding.kind === 'late_objection' ? { objection: finding.objection } : {}),
          };
          const appeal = await this.appeals.file({ username: u.username, role: 'department', dept: u.dept }, input);
          const decision = n % 3;
          if (decision === 0) await this.appeals.decide(appeal.id, 'accepted', '运维记录属实，予以采纳', 'user:inspector');
          else if (decision === 1) await this.appeals.decide(appeal.id, 'rejected', '理由不充分，维持原结论', 'user:inspector');
          n++;
        }
      }
    }
  }
}

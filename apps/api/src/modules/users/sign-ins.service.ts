import { Inject, Injectable } from '@nestjs/common';
import type { SignInView } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { type SignInRecord, type SignInState, SignInsRepository } from './sign-ins.repository';
import { notFound } from '../../common/user-error';

/** How long a looked-up sign-in is trusted without asking the database again. */
const CACHE_MS = 2_000;
/** Activity is written at most this often per sign-in (the idle timeout is minutes). */
const TOUCH_EVERY_MS = 15_000;

export type SignInCheck = { ok: true; state: SignInState } | { ok: false; reason: 'unknown' | 'ended' | 'disabled' | 'expired' | 'idle' };

interface CacheEntry {
  state: SignInState;
  fetchedAt: number;
  touchedAt: number;
}

/**
 * Sign-ins kept on the server: a token is only as good as its row. The row is
 * cached for a moment in memory; every change made through this service drops
 * the cached entries it affects, so the very next request sees it. (A change
 * made by another process, the CLI, is seen once the entry is older than
 * CACHE_MS, shorter than the CLI takes to start.)
 */
@Injectable()
export class SignInsService {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly signIns: SignInsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get idleTimeoutMs(): number {
    return this.config.IDLE_TIMEOUT_MINUTES * 60_000;
  }

  async open(
    username: string,
    client: { address: string | null; userAgent: string | null; pendingTwoFactor: boolean },
  ): Promise<{ id: string; expiresAt: Date }> {
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.JWT_TTL_MINUTES * 60_000);
    await this.signIns.create({ id, username, expiresAt, ...client });
    return { id, expiresAt };
  }

  /**
   * Whether the sign-in still works; `active` is false for the dashboard's
   * background refreshes, which neither count as activity nor are refused for
   * it beyond the idle timeout (they are refused like any other request).
   */
  async check(id: string, active: boolean): Promise<SignInCheck> {
    const now = Date.now();
    let entry = this.cache.get(id);
    if (!entry || now - entry.fetchedAt > CACHE_MS) {
      const state = await this.signIns.state(id);
      if (!state) {
        this.cache.delete(id);
        return { ok: false, reason: 'unknown' };
      }
      // Keep the activity this process has seen but not written yet.
      const lastActivityAt = Math.max(state.lastActivityAt, entry?.state.lastActivityAt ?? 0);
      entry = { state: { ...state, lastActivityAt }, fetchedAt: now, touchedAt: entry?.touchedAt ?? state.lastActivityAt };
      this.cache.set(id, entry);
      if (this.cache.size > 10_000) this.prune(now);
    }
    const { state } = entry;
    if (state.revoked) return { ok: false, reason: 'ended' };
    if (state.userDisabled) return { ok: false, reason: 'disabled' };
    if (state.expiresAt <= now) return { ok: false, reason: 'expired' };
    if (now - state.lastActivityAt > this.idleTimeoutMs) {
      await this.end(id, 'idle');
      return { ok: false, reason: 'idle' };
    }
    if (active) {
      state.lastActivityAt = now;
      if (now - entry.touchedAt > TOUCH_EVERY_MS) {
        entry.touchedAt = now;
        await this.signIns.touch(id, new Date(now));
      }
    }
    return { ok: true, state };
  }

  /** Ends one sign-in (logout, idle, or the user or an admin ending it). */
  async end(id: string, reason: string): Promise<SignInRecord | null> {
    this.cache.delete(id);
    return this.signIns.revoke(id, reason);
  }

  /** Ends every sign-in of the user, after a change to its rights; audited when any was open. */
  async endAll(username: string, reason: string, actor: string): Promise<number> {
    const ended = await this.signIns.revokeAll(username, reason);
    for (const [id, entry] of this.cache) if (entry.state.username === username) this.cache.delete(id);
    for (const id of ended) this.cache.delete(id);
    if (ended.length > 0) await this.audit.record(actor, 'auth.sign_ins_ended', username, { reason, count: ended.length });
    return ended.length;
  }

  find(id: string): Promise<SignInRecord | null> {
    return this.signIns.find(id);
  }

  /** The user's open sign-ins, marking the one the request came with. */
  async list(username: string, currentId: string | undefined): Promise<SignInView[]> {
    const open = await this.signIns.listOpen(username, new Date(Date.now() - this.idleTimeoutMs));
    return open.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      lastActivityAt: r.lastActivityAt,
      expiresAt: r.expiresAt,
      address: r.address,
      userAgent: r.userAgent,
      current: r.id === currentId,
    }));
  }

  /** The user ends one of its own sign-ins (another's, or an ended one, is a 404: it reveals nothing). */
  async endOwn(username: string, id: string): Promise<{ id: string; ended: true }> {
    const found = await this.signIns.find(id);
    if (!found || found.username !== username || found.revokedAt) throw notFound('signIn.notOpen', { id });
    await this.end(id, 'ended by the user');
    await this.audit.record(`user:${username}`, 'auth.sign_in_ended', username, { signIn: id, reason: 'ended by the user' });
    return { id, ended: true };
  }

  private prune(now: number): void {
    for (const [id, entry] of this.cache) if (now - entry.fetchedAt > CACHE_MS) this.cache.delete(id);
  }
}

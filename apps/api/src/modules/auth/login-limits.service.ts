import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { LoginLimitsRepository } from './login-limits.repository';
import { notFound } from '../../common/user-error';

/** access.md: five wrong passwords in a row lock the username for 15 minutes. */
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
/** The window in which one address's failures across distinct usernames are counted. */
export const ADDRESS_WINDOW_MS = 15 * 60_000;
/** A user who signed in from an address this recently is not held back by that address's limit. */
export const TRUSTED_ADDRESS_MS = 30 * 24 * 60 * 60_000;

/** 429 with the seconds to wait, for the controller's Retry-After. */
export class LoginRefused extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Login limits that do not lock an office out: failures lock the username
 * (known or not, so a lockout reveals nothing), and an address is only held
 * back for failures across many usernames, never for a user who has signed in
 * from it before.
 */
@Injectable()
export class LoginLimitsService {
  constructor(
    private readonly limits: LoginLimitsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws LoginRefused when the username is locked or the address is held back for it. */
  async before(username: string, address: string): Promise<void> {
    const now = Date.now();
    const lock = await this.limits.lock(username);
    if (lock?.locked_until && new Date(lock.locked_until).getTime() > now) {
      await this.audit.record('anonymous', 'auth.login_locked', username, { address });
      throw lockedError(new Date(lock.locked_until).getTime() - now);
    }
    const failures = await this.limits.addressFailures(address, new Date(now - ADDRESS_WINDOW_MS));
    if (failures.usernames >= this.config.LOGIN_ADDRESS_FAILURE_LIMIT) {
      if (await this.limits.succeededSince(username, address, new Date(now - TRUSTED_ADDRESS_MS))) return;
      await this.audit.record('anonymous', 'auth.address_limited', username, { address, usernames: failures.usernames });
      const wait = (failures.oldest?.getTime() ?? now) + ADDRESS_WINDOW_MS - now;
      throw new LoginRefused(`too many failed logins from this address; try again in ${Math.ceil(seconds(wait) / 60)} minutes`, seconds(wait));
    }
  }

  /** Counts a failure; throws LoginRefused when it is the one that locks the username. */
  async failed(username: string, address: string): Promise<void> {
    const now = Date.now();
    await this.limits.recordAddressFailure(address, username, new Date(now), new Date(now - TRUSTED_ADDRESS_MS));
    const row = await this.limits.fail(username, new Date(now), new Date(now - LOCK_MS), MAX_FAILURES, new Date(now + LOCK_MS));
    if (row.locked_until) {
      await this.audit.record('system:auth', 'auth.lockout', username, { address, failures: row.failures, until: new Date(row.locked_until).toISOString() });
      throw lockedError(LOCK_MS);
    }
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.limits.clear(username);
    await this.limits.recordSuccess(username, address, new Date());
  }

  async unlock(username: string, actor: string): Promise<{ username: string; unlocked: true }> {
    const lock = await this.limits.lock(username);
    if (!lock?.locked_until || new Date(lock.locked_until).getTime() <= Date.now()) throw notFound('auth.notLocked', { username });
    await this.limits.clear(username);
    await this.audit.record(actor, 'auth.unlock', username);
    return { username, unlocked: true };
  }

  async locked(): Promise<{ username: string; lockedUntil: string; failures: number }[]> {
    return (await this.limits.locked(new Date())).map((r) => ({
      username: r.username,
      lockedUntil: new Date(r.locked_until!).toISOString(),
      failures: r.failures,
    }));
  }
}

function lockedError(remainingMs: number): LoginRefused {
  const wait = seconds(remainingMs);
  return new LoginRefused(`too many wrong passwords: this username is locked for ${Math.ceil(wait / 60)} minutes`, wait);
}

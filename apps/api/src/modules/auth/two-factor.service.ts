import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import type { CurrentUser, TwoFactorEnrolment, TwoFactorRemoved, TwoFactorStatus } from '@app/contracts';
import type { SecretBox } from '../../common/secret-box';
import { badRequest, conflict, forbidden, notFound } from '../../common/user-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { SignInsService } from '../users/sign-ins.service';
import { UsersService } from '../users/users.service';
import { TwoFactorRepository } from './two-factor.repository';

/** The name authenticator apps show beside the username. */
const ISSUER = '政务数据共享考核';
const RECOVERY_CODES = 10;
/** Crockford-like: no 0/O or 1/I/L to misread when typing a code from paper. */
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** A code from the step before or after still works: clocks drift and typing takes time. */
const EPOCH_TOLERANCE_SECONDS = 30;

export type SecondFactorCheck = 'not-enrolled' | 'missing' | 'wrong' | 'ok';

const hashRecoveryCode = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase(), 'utf8').digest('hex');

function recoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The optional TOTP second factor (RFC 6238, as authenticator apps do it):
 * enrolment with a QR code, a first code to confirm it, recovery codes for a
 * lost device, each code accepted once. Secrets are sealed at rest.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly repository: TwoFactorRepository,
    private readonly users: UsersService,
    private readonly signIns: SignInsService,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether REQUIRE_ADMIN_2FA holds this user to a second factor. */
  isRequired(user: Pick<CurrentUser, 'role'>): boolean {
    return this.config.REQUIRE_ADMIN_2FA && user.role === 'admin';
  }

  async isEnabled(username: string): Promise<boolean> {
    return (await this.repository.find(username))?.enabled_at != null;
  }

  /** Whether the user has the second factor, and whether it must still set it up (its sign-ins reach only the enrolment then). */
  async flags(user: Pick<CurrentUser, 'username' | 'role'>): Promise<{ twoFactor: boolean; mustEnrolTwoFactor: boolean }> {
    const twoFactor = await this.isEnabled(user.username);
    return { twoFactor, mustEnrolTwoFactor: this.isRequired(user) && !twoFactor };
  }

  async status(user: CurrentUser): Promise<TwoFactorStatus> {
    const row = await this.repository.find(user.username);
    const enabled = row?.enabled_at != null;
    return {
      enabled,
      enabledAt: enabled ? new Date(row.enabled_at!).toISOString() : null,
      recoveryCodesLeft: enabled ? await this.repository.recoveryCodesLeft(user.username) : 0,
      required: this.isRequired(user),
    };
  }

  /** A new secret for the user's app, pending until `confirm`; a second factor already on must be removed first. */
  async begin(user: CurrentUser): Promise<TwoFactorEnrolment> {
    const secret = generateSecret();
    const stored = await this.repository.putPending(user.username, (await this.secretBox()).seal(secret));
    if (!stored) throw conflict('twoFactor.alreadyOn');
    const otpauthUri = generateURI({ issuer: ISSUER, label: user.username, secret });
    return { secret, otpauthUri, qrDataUrl: await toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 220 }) };
  }

  /** A first code from the pending secret turns it on; every sign-in of the user ends. The recovery codes, shown this once. */
  async confirm(user: CurrentUser, code: string): Promise<string[]> {
    const row = await this.repository.find(user.username);
    if (!row || row.enabled_at) throw badRequest('twoFactor.nonePending');
    const step = await this.matchingStep(row.secret_sealed, code);
    if (step === null) throw badRequest('twoFactor.wrongCode');
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    if (!(await this.repository.enable(user.username, step, codes.map(hashRecoveryCode)))) {
      throw conflict('twoFactor.enabledMeanwhile');
    }
    await this.audit.record(`user:${user.username}`, 'auth.2fa_enrolled', user.username);
    await this.signIns.endAll(user.username, 'changed: two-factor sign-in set up', `user:${user.username}`);
    return codes;
  }

  /** The check at login: a TOTP code (once per time step) or an unused recovery code. */
  async checkAtLogin(username: string, code: string | undefined): Promise<SecondFactorCheck> {
    const row = await this.repository.find(username);
    if (!row?.enabled_at) return 'not-enrolled';
    if (!code) return 'missing';
    const digits = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(digits)) {
      const step = await this.matchingStep(row.secret_sealed, digits);
      return step !== null && (await this.repository.useStep(username, step)) ? 'ok' : 'wrong';
    }
    if (!(await this.repository.useRecoveryCode(username, hashRecoveryCode(code)))) return 'wrong';
    await this.audit.record(`user:${username}`, 'auth.2fa_recovery_code_used', username, { left: await this.repository.recoveryCodesLeft(username) });
    return 'ok';
  }

  /** The user turns the second factor off, proving it with the password; not while it is required. */
  async removeOwn(user: CurrentUser, password: string): Promise<TwoFactorRemoved> {
    if (this.isRequired(user)) throw forbidden('twoFactor.required');
    if (!(await this.users.verify(user.username, password))) throw badRequest('auth.wrongPassword', { field: 'password' });
    const removed = await this.repository.remove(user.username);
    if (removed) await this.audit.record(`user:${user.username}`, 'auth.2fa_removed', user.username);
    return { username: user.username, removed };
  }

  /** An admin removes another user's second factor (a lost device); the user sets it up again when it is required. */
  async reset(username: string, actor: string): Promise<TwoFactorRemoved> {
    if (!(await this.users.exists(username))) throw notFound('user.unknown', { username });
    const removed = await this.repository.remove(username);
    if (removed) {
      await this.audit.record(actor, 'auth.2fa_removed', username, { by: 'admin' });
      await this.signIns.endAll(username, 'changed: two-factor sign-in removed by an admin', actor);
    }
    return { username, removed };
  }

  /** The time step the code belongs to, or null when it is not a current code of the sealed secret. */
  private async matchingStep(sealed: string, code: string): Promise<number | null> {
    const secret = (await this.secretBox()).open(sealed);
    const result = await verify({ secret, token: code, epochTolerance: EPOCH_TOLERANCE_SECONDS });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  private secretBox(): Promise<SecretBox> {
    return this.settings.secretBox(this.config.SECRET_KEY);
  }
}

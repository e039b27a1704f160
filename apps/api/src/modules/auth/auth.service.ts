import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CurrentUser, LoginResponse } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { SignInsService } from '../users/sign-ins.service';
import { UsersService } from '../users/users.service';
import { unauthorized } from '../../common/user-error';
import { LoginLimitsService } from './login-limits.service';
import { TwoFactorService } from './two-factor.service';

export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly signIns: SignInsService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly limits: LoginLimitsService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async login(username: string, password: string, code: string | undefined, client: ClientInfo): Promise<LoginResponse> {
    const address = client.address ?? 'unknown';
    await this.limits.before(username, address);
    const user = await this.users.verify(username, password);
    if (!user) {
      await this.audit.record(`anonymous`, 'auth.login_failed', username, { address: client.address });
      await this.limits.failed(username, address);
      throw unauthorized('auth.badCredentials');
    }
    const second = await this.twoFactor.checkAtLogin(user.username, code);
    // Asking for the code is not a failure; a wrong one counts towards the lockout like a wrong password.
    if (second === 'missing') {
      throw unauthorized('auth.codeRequired');
    }
    if (second === 'wrong') {
      await this.audit.record(`anonymous`, 'auth.login_failed', username, { address: client.address, reason: 'two-factor code' });
      await this.limits.failed(username, address);
      throw unauthorized('auth.badCode');
    }
    await this.limits.succeeded(user.username, address);
    return this.openSignIn(user, client, 'auth.login');
  }

  async changePassword(user: CurrentUser, currentPassword: string, newPassword: string, client: ClientInfo): Promise<LoginResponse> {
    const changed = await this.users.changeOwnPassword(user.username, currentPassword, newPassword);
    return this.openSignIn(changed, client, 'auth.login_after_password_change');
  }

  /** A new sign-in after a change that ended the others (the second factor set up). */
  async signInAgain(user: CurrentUser, client: ClientInfo, action: string): Promise<LoginResponse> {
    const current = await this.users.current(user.username);
    if (!current) throw unauthorized('auth.accountGone');
    return this.openSignIn(current, client, action);
  }

  private async openSignIn(user: CurrentUser, client: ClientInfo, action: string): Promise<LoginResponse> {
    const flags = await this.twoFactor.flags(user);
    const signIn = await this.signIns.open(user.username, { ...client, pendingTwoFactor: flags.mustEnrolTwoFactor });
    const accessToken = await this.jwt.signAsync({ sub: user.username, sid: signIn.id, role: user.role, dept: user.dept });
    await this.audit.record(`user:${user.username}`, action, user.username, { address: client.address, signIn: signIn.id });
    return { accessToken, user: { ...user, ...flags } };
  }

  /** Ends the sign-in the token belongs to; a token that no longer verifies has nothing left to end. */
  async logout(payload: { sub: string; sid: string } | null): Promise<void> {
    if (!payload) return;
    const ended = await this.signIns.end(payload.sid, 'logout');
    if (ended) await this.audit.record(`user:${payload.sub}`, 'auth.logout', payload.sub, { signIn: payload.sid });
  }

  async me(user: CurrentUser): Promise<CurrentUser> {
    const current = await this.users.current(user.username);
    if (!current) throw unauthorized('auth.accountGone');
    return { ...current, ...(await this.twoFactor.flags(current)) };
  }
}

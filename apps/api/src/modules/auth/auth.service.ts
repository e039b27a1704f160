import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CurrentUser, LoginResponse } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { SignInsService } from '../users/sign-ins.service';
import { UsersService } from '../users/users.service';
import { LoginLimitsService } from './login-limits.service';

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
  ) {}

  async login(username: string, password: string, client: ClientInfo): Promise<LoginResponse> {
    const address = client.address ?? 'unknown';
    await this.limits.before(username, address);
    const user = await this.users.verify(username, password);
    if (!user) {
      await this.audit.record(`anonymous`, 'auth.login_failed', username, { address: client.address });
      await this.limits.failed(username, address);
      throw new UnauthorizedException('wrong username or password');
    }
    await this.limits.succeeded(user.username, address);
    return this.openSignIn(user, client, 'auth.login');
  }

  async changePassword(user: CurrentUser, currentPassword: string, newPassword: string, client: ClientInfo): Promise<LoginResponse> {
    const changed = await this.users.changeOwnPassword(user.username, currentPassword, newPassword);
    return this.openSignIn(changed, client, 'auth.login_after_password_change');
  }

  private async openSignIn(user: CurrentUser, client: ClientInfo, action: string): Promise<LoginResponse> {
    const signIn = await this.signIns.open(user.username, client.address, client.userAgent);
    const accessToken = await this.jwt.signAsync({ sub: user.username, sid: signIn.id, role: user.role, dept: user.dept });
    await this.audit.record(`user:${user.username}`, action, user.username, { address: client.address, signIn: signIn.id });
    return { accessToken, user };
  }

  /** Ends the sign-in the token belongs to; a token that no longer verifies has nothing left to end. */
  async logout(payload: { sub: string; sid: string } | null): Promise<void> {
    if (!payload) return;
    const ended = await this.signIns.end(payload.sid, 'logout');
    if (ended) await this.audit.record(`user:${payload.sub}`, 'auth.logout', payload.sub, { signIn: payload.sid });
  }

  async me(user: CurrentUser): Promise<CurrentUser> {
    const current = await this.users.current(user.username);
    if (!current) throw new UnauthorizedException('this account no longer exists or is disabled');
    return current;
  }
}

import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CurrentUser, LoginResponse } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { UsersService } from '../users/users.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.users.verify(username, password);
    if (!user) {
      await this.audit.record(`anonymous`, 'auth.login_failed', username);
      throw new UnauthorizedException('wrong username or password');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.username, role: user.role, dept: user.dept });
    await this.audit.record(`user:${user.username}`, 'auth.login', user.username);
    return { accessToken, user };
  }

  async me(user: CurrentUser): Promise<CurrentUser> {
    const current = await this.users.current(user.username);
    if (!current) throw new UnauthorizedException('this account no longer exists or is disabled');
    return current;
  }
}

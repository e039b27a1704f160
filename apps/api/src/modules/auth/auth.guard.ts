import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { CurrentUser, Role } from '@app/contracts';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '../../common/auth-decorators';

export const ACCESS_COOKIE = 'access_token';

interface TokenPayload {
  sub: string;
  role: Role;
  dept: string | null;
}

/**
 * Every route is closed unless it says otherwise: public routes are marked
 * @Public(), every other route names its roles with @Roles(...), and a route
 * that names none is refused, so a forgotten declaration fails safe.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: CurrentUser }>();
    const token = tokenOf(request);
    if (!token) throw new UnauthorizedException('not logged in');
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('session expired or invalid; log in again');
    }
    request.user = { username: payload.sub, role: payload.role, dept: payload.dept };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (!roles || !roles.includes(payload.role)) throw new ForbiddenException(`role "${payload.role}" may not do this`);
    return true;
  }
}

function tokenOf(request: Request): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  const cookies = (request as { cookies?: Record<string, string> }).cookies;
  return cookies?.[ACCESS_COOKIE] ?? null;
}

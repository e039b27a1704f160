import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { CurrentUser, MessageCode, Role } from '@app/contracts';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '../../common/auth-decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { forbidden, unauthorized } from '../../common/user-error';
import { SignInsService } from '../users/sign-ins.service';

export const ACCESS_COOKIE = 'access_token';
/** Sent by the dashboard's background refreshes: they neither keep a sign-in alive nor count as activity. */
export const BACKGROUND_HEADER = 'x-background';

export interface TokenPayload {
  sub: string;
  /** The sign-in this token belongs to (sign_in.id). */
  sid: string;
  role: Role;
  dept: string | null;
}

export interface PresentedToken {
  token: string;
  via: 'bearer' | 'cookie';
}

export type SignedInRequest = Request & { user?: CurrentUser; signInId?: string };

const ACCOUNT_SETUP_ROUTE = 'accountSetupRoute';
/**
 * Open to a user who must change the password or (an admin, REQUIRE_ADMIN_2FA)
 * set up the second factor first: who am I, change it, set it up; every other route waits.
 */
export const OpenDuringAccountSetup = () => SetMetadata(ACCOUNT_SETUP_ROUTE, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route is closed unless it says otherwise: public routes are marked
 * @Public(), every other route names its roles with @Roles(...), and a route
 * that names none is refused, so a forgotten declaration fails safe.
 * A token is only as good as its sign-in on the server (ended by logout or by
 * a change to the user's rights), and a state change carried by the cookie
 * must come from the product's own origin.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    private readonly signIns: SignInsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<SignedInRequest>();
    const presented = tokenOf(request);
    if (!presented) throw unauthorized('auth.notLoggedIn');
    const payload = await this.verify(presented.token);
    if (!payload) throw unauthorized('auth.sessionInvalid');
    const check = await this.signIns.check(payload.sid, request.headers[BACKGROUND_HEADER] !== '1');
    if (!check.ok || check.state.username !== payload.sub) throw unauthorized(endedMessage(check.ok ? 'unknown' : check.reason));
    if (presented.via === 'cookie') assertSameOrigin(request, this.config.PUBLIC_ORIGIN);
    const { state } = check;
    request.user = { username: state.username, role: state.role, dept: state.dept };
    request.signInId = state.id;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (!roles || !roles.includes(state.role)) throw forbidden('auth.role', { role: state.role });
    if (!this.reflector.getAllAndOverride<boolean>(ACCOUNT_SETUP_ROUTE, targets)) {
      if (state.mustChangePassword) throw forbidden('auth.changePasswordFirst');
      if (state.pendingTwoFactor) throw forbidden('auth.setUpTwoFactorFirst');
    }
    return true;
  }

  /** The token's payload when its signature and expiry hold and it names a sign-in; null otherwise. */
  async verify(token: string): Promise<TokenPayload | null> {
    try {
      const payload = await this.jwt.verifyAsync<TokenPayload>(token);
      return typeof payload.sid === 'string' && typeof payload.sub === 'string' ? payload : null;
    } catch {
      return null;
    }
  }
}

function endedMessage(reason: string): MessageCode {
  switch (reason) {
    case 'idle':
      return 'auth.idle';
    case 'ended':
      return 'auth.ended';
    case 'disabled':
      return 'auth.disabled';
    default:
      return 'auth.sessionInvalid';
  }
}

export function tokenOf(request: Request): PresentedToken | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length).trim();
    return token ? { token, via: 'bearer' } : null;
  }
  const cookies = (request as { cookies?: Record<string, string> }).cookies;
  const token = cookies?.[ACCESS_COOKIE];
  return token ? { token, via: 'cookie' } : null;
}

/**
 * The cookie is sent by the browser whatever page asks, so a state change it
 * carries must name the product's own origin: Origin, else Referer; neither,
 * or `Origin: null`, is refused (SameSite alone lets a sibling port through).
 */
export function assertSameOrigin(request: Request, publicOrigin: string | undefined): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const expected = publicOrigin ?? `${request.protocol}://${request.get('host') ?? ''}`.toLowerCase();
  const origin = request.headers.origin;
  let claimed: string | null = null;
  if (origin !== undefined) claimed = origin === 'null' ? null : origin.toLowerCase();
  else if (request.headers.referer) {
    try {
      claimed = new URL(request.headers.referer).origin.toLowerCase();
    } catch {
      claimed = null;
    }
  }
  if (claimed !== expected) throw forbidden('auth.crossOrigin');
}

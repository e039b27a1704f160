import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { CurrentUser, Role } from '@app/contracts';

export const PUBLIC_ROUTE = 'publicRoute';
export const ROUTE_ROLES = 'routeRoles';

/** No authentication: only health and login. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route; every non-public route declares them beside itself. */
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);

export const ALL_ROLES: Role[] = ['leader', 'inspector', 'department', 'admin'];

export interface AuthenticatedRequest {
  user?: CurrentUser;
}

export const User = createParamDecorator((_data: unknown, ctx: ExecutionContext): CurrentUser => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user!;
});

export function actorOf(user: CurrentUser): string {
  return `user:${user.username}`;
}

import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  changePasswordRequestSchema,
  currentUserSchema,
  endedSignInSchema,
  signInIdParamSchema,
  signInViewSchema,
  lockoutViewSchema,
  loginRequestSchema,
  loginResponseSchema,
  unlockResponseSchema,
  usernameParamSchema,
  type CurrentUser,
} from '@app/contracts';
import { actorOf, ALL_ROLES, Public, Roles, User } from '../../common/auth-decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SignInsService } from '../users/sign-ins.service';
import { ACCESS_COOKIE, assertSameOrigin, AuthGuard, OpenDuringAccountSetup, tokenOf, type SignedInRequest } from './auth.guard';
import { AuthService, type ClientInfo } from './auth.service';
import { LoginLimitsService, LoginRefused } from './login-limits.service';

class LoginDto extends createZodDto(loginRequestSchema) {}
class ChangePasswordDto extends createZodDto(changePasswordRequestSchema) {}
class LoginResponseDto extends createZodDto(loginResponseSchema) {}
class CurrentUserDto extends createZodDto(currentUserSchema) {}
class LockoutDto extends createZodDto(lockoutViewSchema) {}
class UnlockDto extends createZodDto(unlockResponseSchema) {}
class UsernameParam extends createZodDto(usernameParamSchema) {}
class SignInDto extends createZodDto(signInViewSchema) {}
class SignInIdParam extends createZodDto(signInIdParamSchema) {}
class EndedSignInDto extends createZodDto(endedSignInSchema) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly guard: AuthGuard,
    private readonly limits: LoginLimitsService,
    private readonly signIns: SignInsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    let result;
    try {
      result = await this.auth.login(body.username, body.password, body.code, clientOf(req));
    } catch (error) {
      if (error instanceof LoginRefused) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    this.setCookie(res, result.accessToken);
    return result;
  }

  @Post('password')
  @Roles(...ALL_ROLES)
  @OpenDuringAccountSetup()
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async changePassword(@Body() body: ChangePasswordDto, @User() user: CurrentUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const result = await this.auth.changePassword(user, body.currentPassword, body.newPassword, clientOf(req));
    this.setCookie(res, result.accessToken);
    return result;
  }

  private setCookie(res: Response, token: string): void {
    setAccessCookie(res, token, this.config);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const presented = tokenOf(req);
    if (presented?.via === 'cookie') assertSameOrigin(req, this.config.PUBLIC_ORIGIN);
    await this.auth.logout(presented ? await this.guard.verify(presented.token) : null);
    res.clearCookie(ACCESS_COOKIE, { path: '/api', httpOnly: true, sameSite: 'strict', secure: this.config.COOKIE_SECURE });
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @OpenDuringAccountSetup()
  @ZodResponse({ type: CurrentUserDto })
  me(@User() user: CurrentUser) {
    return this.auth.me(user);
  }

  @Get('sign-ins')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: [SignInDto] })
  mySignIns(@User() user: CurrentUser, @Req() req: SignedInRequest) {
    return this.signIns.list(user.username, req.signInId);
  }

  @Delete('sign-ins/:id')
  @Roles(...ALL_ROLES)
  @ZodResponse({ status: 200, type: EndedSignInDto })
  endSignIn(@Param() params: SignInIdParam, @User() user: CurrentUser) {
    return this.signIns.endOwn(user.username, params.id);
  }

  @Get('lockouts')
  @Roles('admin')
  @ZodResponse({ type: [LockoutDto] })
  lockouts() {
    return this.limits.locked();
  }

  @Delete('lockouts/:username')
  @Roles('admin')
  @ZodResponse({ status: 200, type: UnlockDto })
  unlock(@Param() params: UsernameParam, @User() user: CurrentUser) {
    return this.limits.unlock(params.username, actorOf(user));
  }
}

/** The login cookie: httpOnly, SameSite=Strict, only for the API. */
export function setAccessCookie(res: Response, token: string, config: AppConfig): void {
  res.cookie(ACCESS_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.COOKIE_SECURE,
    path: '/api',
    maxAge: config.JWT_TTL_MINUTES * 60_000,
  });
}

export function clientOf(req: Request): ClientInfo {
  return { address: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}

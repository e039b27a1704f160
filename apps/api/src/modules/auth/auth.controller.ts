import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { currentUserSchema, loginRequestSchema, loginResponseSchema, type CurrentUser } from '@app/contracts';
import { ALL_ROLES, Public, Roles, User } from '../../common/auth-decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ACCESS_COOKIE, assertSameOrigin, AuthGuard, tokenOf } from './auth.guard';
import { AuthService } from './auth.service';

class LoginDto extends createZodDto(loginRequestSchema) {}
class LoginResponseDto extends createZodDto(loginResponseSchema) {}
class CurrentUserDto extends createZodDto(currentUserSchema) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly guard: AuthGuard,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const result = await this.auth.login(body.username, body.password, { address: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
    res.cookie(ACCESS_COOKIE, result.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE,
      path: '/api',
      maxAge: this.config.JWT_TTL_MINUTES * 60_000,
    });
    return result;
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
  @ZodResponse({ type: CurrentUserDto })
  me(@User() user: CurrentUser) {
    return this.auth.me(user);
  }
}

import { Body, Controller, Get, HttpCode, Inject, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { currentUserSchema, loginRequestSchema, loginResponseSchema, type CurrentUser } from '@app/contracts';
import { ALL_ROLES, Public, Roles, User } from '../../common/auth-decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ACCESS_COOKIE } from './auth.guard';
import { AuthService } from './auth.service';

class LoginDto extends createZodDto(loginRequestSchema) {}
class LoginResponseDto extends createZodDto(loginResponseSchema) {}
class CurrentUserDto extends createZodDto(currentUserSchema) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) res: Response) {
    const result = await this.auth.login(body.username, body.password);
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
  logout(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(ACCESS_COOKIE, { path: '/api', httpOnly: true, sameSite: 'strict', secure: this.config.COOKIE_SECURE });
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: CurrentUserDto })
  me(@User() user: CurrentUser) {
    return this.auth.me(user);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  twoFactorConfirmRequestSchema,
  twoFactorConfirmResponseSchema,
  twoFactorEnrolmentSchema,
  twoFactorRemovalRequestSchema,
  twoFactorRemovedSchema,
  twoFactorStatusSchema,
  usernameParamSchema,
  type CurrentUser,
} from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { clientOf, setAccessCookie } from './auth.controller';
import { OpenDuringAccountSetup } from './auth.guard';
import { AuthService } from './auth.service';
import { TwoFactorService } from './two-factor.service';

class StatusDto extends createZodDto(twoFactorStatusSchema) {}
class EnrolmentDto extends createZodDto(twoFactorEnrolmentSchema) {}
class ConfirmDto extends createZodDto(twoFactorConfirmRequestSchema) {}
class ConfirmedDto extends createZodDto(twoFactorConfirmResponseSchema) {}
class RemovalDto extends createZodDto(twoFactorRemovalRequestSchema) {}
class RemovedDto extends createZodDto(twoFactorRemovedSchema) {}
class UsernameParam extends createZodDto(usernameParamSchema) {}

/** The second factor: the user's own set-up and removal, and an admin's reset of another user's. */
@ApiTags('auth')
@Controller()
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('auth/two-factor')
  @Roles(...ALL_ROLES)
  @OpenDuringAccountSetup()
  @ZodResponse({ type: StatusDto })
  status(@User() user: CurrentUser) {
    return this.twoFactor.status(user);
  }

  @Post('auth/two-factor/enrolment')
  @Roles(...ALL_ROLES)
  @OpenDuringAccountSetup()
  @ZodResponse({ status: 200, type: EnrolmentDto })
  @HttpCode(200)
  begin(@User() user: CurrentUser) {
    return this.twoFactor.begin(user);
  }

  @Post('auth/two-factor/confirmation')
  @Roles(...ALL_ROLES)
  @OpenDuringAccountSetup()
  @ZodResponse({ status: 200, type: ConfirmedDto })
  @HttpCode(200)
  async confirm(@Body() body: ConfirmDto, @User() user: CurrentUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const recoveryCodes = await this.twoFactor.confirm(user, body.code);
    const signedIn = await this.auth.signInAgain(user, clientOf(req), 'auth.login_after_2fa_enrolment');
    setAccessCookie(res, signedIn.accessToken, this.config);
    return { ...signedIn, recoveryCodes };
  }

  @Post('auth/two-factor/removal')
  @Roles(...ALL_ROLES)
  @ZodResponse({ status: 200, type: RemovedDto })
  @HttpCode(200)
  remove(@Body() body: RemovalDto, @User() user: CurrentUser) {
    return this.twoFactor.removeOwn(user, body.password);
  }

  @Delete('users/:username/two-factor')
  @Roles('admin')
  @ZodResponse({ status: 200, type: RemovedDto })
  reset(@Param() params: UsernameParam, @User() user: CurrentUser) {
    return this.twoFactor.reset(params.username, actorOf(user));
  }
}

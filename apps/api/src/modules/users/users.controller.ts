import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  endedSignInsSchema,
  savedUserSchema,
  saveUserRequestSchema,
  signInViewSchema,
  usernameParamSchema,
  userViewSchema,
  type CurrentUser,
} from '@app/contracts';
import { actorOf, Roles, User } from '../../common/auth-decorators';
import { SignInsService } from './sign-ins.service';
import { FIRST_PASSWORD_CHANGE_ROLES, UsersService } from './users.service';
import { notFound } from '../../common/user-error';

class SaveUserDto extends createZodDto(saveUserRequestSchema) {}
class UsernameParam extends createZodDto(usernameParamSchema) {}
class UserDto extends createZodDto(userViewSchema) {}
class SavedUserDto extends createZodDto(savedUserSchema) {}
class SignInDto extends createZodDto(signInViewSchema) {}
class EndedSignInsDto extends createZodDto(endedSignInsSchema) {}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly signIns: SignInsService,
  ) {}

  @Get()
  @Roles('admin')
  @ZodResponse({ type: [UserDto] })
  list() {
    return this.users.list();
  }

  @Put(':username')
  @Roles('admin')
  @ZodResponse({ type: SavedUserDto })
  save(@Param() params: UsernameParam, @Body() body: SaveUserDto, @User() user: CurrentUser) {
    return this.users.save({ username: params.username, ...body }, actorOf(user), { mustChangePassword: FIRST_PASSWORD_CHANGE_ROLES.includes(body.role) });
  }

  @Delete(':username')
  @Roles('admin')
  @HttpCode(204)
  async disable(@Param() params: UsernameParam, @User() user: CurrentUser) {
    await this.users.disable(params.username, actorOf(user));
  }

  @Get(':username/sign-ins')
  @Roles('admin')
  @ZodResponse({ type: [SignInDto] })
  async signInsOf(@Param() params: UsernameParam, @Req() req: { signInId?: string }) {
    if (!(await this.users.exists(params.username))) throw notFound('user.unknown', { username: params.username });
    return this.signIns.list(params.username, req.signInId);
  }

  @Delete(':username/sign-ins')
  @Roles('admin')
  @ZodResponse({ status: 200, type: EndedSignInsDto })
  async endSignIns(@Param() params: UsernameParam, @User() user: CurrentUser) {
    if (!(await this.users.exists(params.username))) throw notFound('user.unknown', { username: params.username });
    return { username: params.username, ended: await this.signIns.endAll(params.username, 'ended by an admin', actorOf(user)) };
  }
}

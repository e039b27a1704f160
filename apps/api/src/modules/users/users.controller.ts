import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { savedUserSchema, saveUserRequestSchema, usernameParamSchema, userViewSchema, type CurrentUser } from '@app/contracts';
import { actorOf, Roles, User } from '../../common/auth-decorators';
import { FIRST_PASSWORD_CHANGE_ROLES, UsersService } from './users.service';

class SaveUserDto extends createZodDto(saveUserRequestSchema) {}
class UsernameParam extends createZodDto(usernameParamSchema) {}
class UserDto extends createZodDto(userViewSchema) {}
class SavedUserDto extends createZodDto(savedUserSchema) {}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
}

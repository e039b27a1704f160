import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { CurrentUser } from '@app/contracts';
import { ROLES } from '@app/contracts';
import { actorOf, Roles, User } from '../../common/auth-decorators';
import { UsersService } from './users.service';

export const usernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'must be 1-64 characters of letters, digits, _ . @ -');

class SaveUserDto extends createZodDto(
  z.object({
    password: z.string().min(8, 'must be at least 8 characters').max(200),
    role: z.enum(ROLES),
    dept: z.string().min(1).max(32).nullish(),
  }),
) {}

class UsernameParam extends createZodDto(z.object({ username: usernameSchema })) {}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  list() {
    return this.users.list();
  }

  @Put(':username')
  @Roles('admin')
  save(@Param() params: UsernameParam, @Body() body: SaveUserDto, @User() user: CurrentUser) {
    return this.users.save({ username: params.username, ...body }, actorOf(user));
  }

  @Delete(':username')
  @Roles('admin')
  @HttpCode(204)
  async disable(@Param() params: UsernameParam, @User() user: CurrentUser) {
    await this.users.disable(params.username, actorOf(user));
  }
}

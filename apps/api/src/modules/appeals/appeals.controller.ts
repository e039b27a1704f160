import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { CurrentUser } from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { deptCodeSchema, periodSchema } from '../scoring/scoring.dto';
import { AppealsService } from './appeals.service';

class FileAppealDto extends createZodDto(
  z.object({
    dept: deptCodeSchema,
    period: periodSchema,
    kind: z.enum(['missed_window', 'late_request', 'late_objection', 'low_completeness']),
    resource: z.string().min(1).max(200).optional(),
    windowStart: z.string().max(40).optional(),
    request: z.string().min(1).max(200).optional(),
    objection: z.string().min(1).max(200).optional(),
    reason: z.string().trim().min(1, 'required').max(2000),
  }),
) {}

class DecisionDto extends createZodDto(
  z.object({ status: z.enum(['accepted', 'rejected']), comment: z.string().trim().max(2000).optional() }),
) {}

class AppealsQuery extends createZodDto(
  z.object({ dept: deptCodeSchema.optional(), status: z.enum(['pending', 'accepted', 'rejected']).optional(), period: periodSchema.optional() }),
) {}

class IdParam extends createZodDto(z.object({ id: z.coerce.number().int().positive() })) {}

@ApiTags('appeals')
@Controller('appeals')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  list(@Query() query: AppealsQuery, @User() user: CurrentUser) {
    return this.appeals.list(user, query);
  }

  @Post()
  @Roles('department')
  file(@Body() body: FileAppealDto, @User() user: CurrentUser) {
    return this.appeals.file(user, body);
  }

  @Post(':id/decision')
  @Roles('inspector')
  @HttpCode(200)
  decide(@Param() params: IdParam, @Body() body: DecisionDto, @User() user: CurrentUser) {
    return this.appeals.decide(params.id, body.status, body.comment ?? null, actorOf(user));
  }
}

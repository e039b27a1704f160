import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { appealDecisionRequestSchema, appealsQuerySchema, appealViewSchema, fileAppealRequestSchema, idParamSchema, type CurrentUser } from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { AppealsService } from './appeals.service';

class FileAppealDto extends createZodDto(fileAppealRequestSchema) {}
class DecisionDto extends createZodDto(appealDecisionRequestSchema) {}
class AppealsQuery extends createZodDto(appealsQuerySchema) {}
class IdParam extends createZodDto(idParamSchema) {}
class AppealDto extends createZodDto(appealViewSchema) {}

@ApiTags('appeals')
@Controller('appeals')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: [AppealDto] })
  list(@Query() query: AppealsQuery, @User() user: CurrentUser) {
    return this.appeals.list(user, query);
  }

  @Post()
  @Roles('department')
  @ZodResponse({ status: 201, type: AppealDto })
  file(@Body() body: FileAppealDto, @User() user: CurrentUser) {
    return this.appeals.file(user, body);
  }

  @Post(':id/decision')
  @Roles('inspector')
  @ZodResponse({ status: 200, type: AppealDto })
  decide(@Param() params: IdParam, @Body() body: DecisionDto, @User() user: CurrentUser) {
    return this.appeals.decide(params.id, body.status, body.comment ?? null, actorOf(user));
  }
}

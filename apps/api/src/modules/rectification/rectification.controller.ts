import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  caseDecisionSchema,
  casesQuerySchema,
  caseSubmissionSchema,
  idParamSchema,
  rectificationCaseDetailSchema,
  rectificationCaseSchema,
  type CurrentUser,
} from '@app/contracts';
import { Roles, User } from '../../common/auth-decorators';
import { RectificationService } from './rectification.service';

class IdParam extends createZodDto(idParamSchema) {}
class CasesQuery extends createZodDto(casesQuerySchema) {}
class SubmissionDto extends createZodDto(caseSubmissionSchema) {}
class DecisionDto extends createZodDto(caseDecisionSchema) {}
class CaseDto extends createZodDto(rectificationCaseSchema) {}
class CaseDetailDto extends createZodDto(rectificationCaseDetailSchema) {}

/** Rectification cases (整改): leaders and inspectors read all, a department its own; the department submits, an inspector decides. */
@ApiTags('rectification')
@Controller('rectification')
export class RectificationController {
  constructor(private readonly cases: RectificationService) {}

  @Get()
  @Roles('leader', 'inspector', 'department')
  @ZodResponse({ type: [CaseDto] })
  list(@Query() query: CasesQuery, @User() user: CurrentUser) {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @Roles('leader', 'inspector', 'department')
  @ZodResponse({ type: CaseDetailDto })
  get(@Param() params: IdParam, @User() user: CurrentUser) {
    return this.cases.get(user, params.id);
  }

  @Post(':id/submit')
  @Roles('department')
  @ZodResponse({ status: 200, type: CaseDetailDto })
  submit(@Param() params: IdParam, @Body() body: SubmissionDto, @User() user: CurrentUser) {
    return this.cases.submit(user, params.id, body);
  }

  @Post(':id/decision')
  @Roles('inspector')
  @ZodResponse({ status: 200, type: CaseDetailDto })
  decide(@Param() params: IdParam, @Body() body: DecisionDto, @User() user: CurrentUser) {
    return this.cases.decide(user, params.id, body);
  }
}

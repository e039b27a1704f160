import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { deptParamSchema, findingsResponseSchema, scoreRecordSchema, scoresQuerySchema, type CurrentUser } from '@app/contracts';
import { ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { ScoresViewService } from './scores-view.service';

class ScoresQuery extends createZodDto(scoresQuerySchema) {}
class DeptParam extends createZodDto(deptParamSchema) {}
class ScoreRecordDto extends createZodDto(scoreRecordSchema) {}
class FindingsDto extends createZodDto(findingsResponseSchema) {}

@ApiTags('scores')
@Controller()
export class ScoresController {
  constructor(private readonly view: ScoresViewService) {}

  /**
   * The score record of a period (scoring.md); other departments redacted for department users.
   * Served as the stored JSON text, so it is documented here and checked by the tests, not re-serialised.
   */
  @Get('scores')
  @Roles(...ALL_ROLES)
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: ScoreRecordDto })
  scores(@Query() query: ScoresQuery, @User() user: CurrentUser): Promise<string> {
    return this.view.recordJson(user, query.period, query.asOf);
  }

  @Get('departments/:code/findings')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: FindingsDto })
  findings(@Param() params: DeptParam, @Query() query: ScoresQuery, @User() user: CurrentUser) {
    return this.view.findings(user, params.code, query.period, query.asOf);
  }
}

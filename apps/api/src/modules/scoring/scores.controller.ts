import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CurrentUser } from '@app/contracts';
import { ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { DeptParam, ScoresQuery } from './scoring.dto';
import { ScoresViewService } from './scores-view.service';

@ApiTags('scores')
@Controller()
export class ScoresController {
  constructor(
    private readonly view: ScoresViewService,
  ) {}

  /** The score record of a period (scoring.md); other departments redacted for department users. */
  @Get('scores')
  @Roles(...ALL_ROLES)
  @Header('Content-Type', 'application/json; charset=utf-8')
  scores(@Query() query: ScoresQuery, @User() user: CurrentUser): Promise<string> {
    return this.view.recordJson(user, query.period, query.asOf);
  }

  @Get('departments/:code/findings')
  @Roles(...ALL_ROLES)
  findings(@Param() params: DeptParam, @Query() query: ScoresQuery, @User() user: CurrentUser) {
    return this.view.findings(user, params.code, query.period, query.asOf);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CurrentUser } from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { DeptParam, PeriodParam, ReopenDto, ScoresQuery } from './scoring.dto';
import { ScoresViewService } from './scores-view.service';
import { ScoringService } from './scoring.service';

@ApiTags('scores')
@Controller()
export class ScoresController {
  constructor(
    private readonly view: ScoresViewService,
    private readonly scoring: ScoringService,
  ) {}

  /** The score record of a period (scoring.md); other departments redacted for department users. */
  @Get('scores')
  @Roles(...ALL_ROLES)
  scores(@Query() query: ScoresQuery, @User() user: CurrentUser) {
    return this.view.record(user, query.period, query.asOf);
  }

  @Get('departments/:code/findings')
  @Roles(...ALL_ROLES)
  findings(@Param() params: DeptParam, @Query() query: ScoresQuery, @User() user: CurrentUser) {
    return this.view.findings(user, params.code, query.period, query.asOf);
  }

  @Get('periods/published')
  @Roles(...ALL_ROLES)
  published() {
    return this.scoring.publishedPeriods();
  }

  @Post('periods/:period/publish')
  @Roles('inspector')
  @HttpCode(200)
  async publish(@Param() params: PeriodParam, @User() user: CurrentUser) {
    return (await this.scoring.publish(params.period, actorOf(user))).record;
  }

  @Post('periods/:period/reopen')
  @Roles('admin')
  @HttpCode(200)
  reopen(@Param() params: PeriodParam, @Body() body: ReopenDto, @User() user: CurrentUser) {
    return this.scoring.reopen(params.period, body.reason, actorOf(user));
  }
}

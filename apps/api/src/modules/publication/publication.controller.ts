import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CurrentUser } from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { ReportsService } from '../reports/reports.service';
import { PeriodParam, ReopenDto } from '../scoring/scoring.dto';
import { ScoringService } from '../scoring/scoring.service';

@ApiTags('publication')
@Controller('periods')
export class PublicationController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly reports: ReportsService,
  ) {}

  @Get('published')
  @Roles(...ALL_ROLES)
  published() {
    return this.scoring.publishedPeriods();
  }

  /** Freezes a period's record; its reports are generated once and kept for the record. */
  @Post(':period/publish')
  @Roles('inspector')
  @HttpCode(200)
  async publish(@Param() params: PeriodParam, @User() user: CurrentUser) {
    const { record } = await this.scoring.publish(params.period, actorOf(user));
    await this.reports.generateForPublication(record.period, actorOf(user));
    return record;
  }

  @Post(':period/reopen')
  @Roles('admin')
  @HttpCode(200)
  reopen(@Param() params: PeriodParam, @Body() body: ReopenDto, @User() user: CurrentUser) {
    return this.scoring.reopen(params.period, body.reason, actorOf(user));
  }
}

import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { periodParamSchema, publishedPeriodSchema, reopenRequestSchema, reopenResponseSchema, scoreRecordSchema, type CurrentUser } from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { NotificationsService } from '../notifications/notifications.service';
import { RectificationService } from '../rectification/rectification.service';
import { ReportsService } from '../reports/reports.service';
import { ScoringService } from '../scoring/scoring.service';

class PeriodParam extends createZodDto(periodParamSchema) {}
class ReopenDto extends createZodDto(reopenRequestSchema) {}
class PublishedPeriodDto extends createZodDto(publishedPeriodSchema) {}
class ScoreRecordDto extends createZodDto(scoreRecordSchema) {}
class ReopenedDto extends createZodDto(reopenResponseSchema) {}

@ApiTags('publication')
@Controller('periods')
export class PublicationController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly reports: ReportsService,
    private readonly notifications: NotificationsService,
    private readonly rectification: RectificationService,
  ) {}

  @Get('published')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: [PublishedPeriodDto] })
  published() {
    return this.scoring.publishedPeriods();
  }

  /** Freezes a period's record and opens a month's rectification cases; its reports are generated once and kept for the record; the results are sent in the background. */
  @Post(':period/publish')
  @Roles('inspector')
  @ZodResponse({ status: 200, type: ScoreRecordDto })
  async publish(@Param() params: PeriodParam, @User() user: CurrentUser) {
    const { record } = await this.scoring.publish(params.period, actorOf(user));
    // A month's notice list opens its rectification cases (issue 15).
    await this.rectification.openForPublication(record.period, actorOf(user));
    await this.reports.generateForPublication(record.period, actorOf(user));
    // Each department's result goes out after the answer: a slow receiver never holds up the request.
    this.notifications.resultsInBackground(record.period);
    return record;
  }

  @Post(':period/reopen')
  @Roles('admin')
  @ZodResponse({ status: 200, type: ReopenedDto })
  reopen(@Param() params: PeriodParam, @Body() body: ReopenDto, @User() user: CurrentUser) {
    return this.scoring.reopen(params.period, body.reason, actorOf(user));
  }
}

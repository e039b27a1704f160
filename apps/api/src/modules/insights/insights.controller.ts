import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { CurrentUser } from '@app/contracts';
import { ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { deptCodeSchema, DeptParam, PeriodParam, periodSchema } from '../scoring/scoring.dto';
import { InsightsService } from './insights.service';

class PeriodQuery extends createZodDto(z.object({ period: periodSchema })) {}
class TrendsQuery extends createZodDto(
  z.object({ kind: z.enum(['month', 'quarter', 'year']).default('month'), from: periodSchema, to: periodSchema, dept: deptCodeSchema.optional() }),
) {}
class EventsQuery extends createZodDto(
  z.object({
    ids: z
      .string()
      .min(1, 'required: comma-separated event ids')
      .transform((s) => s.split(',').map((id) => id.trim()).filter(Boolean))
      .refine((ids) => ids.length <= 500, 'at most 500 ids'),
  }),
) {}

@ApiTags('insights')
@Controller()
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Get('periods/:period')
  @Roles(...ALL_ROLES)
  status(@Param() params: PeriodParam) {
    return this.insights.periodStatus(params.period);
  }

  @Get('overview')
  @Roles('leader', 'inspector', 'admin')
  overview(@Query() query: PeriodQuery) {
    return this.insights.overview(query.period);
  }

  @Get('trends')
  @Roles(...ALL_ROLES)
  trends(@Query() query: TrendsQuery, @User() user: CurrentUser) {
    return this.insights.trends(user, query.kind, query.from, query.to, query.dept);
  }

  @Get('departments/:code/summary')
  @Roles(...ALL_ROLES)
  summary(@Param() params: DeptParam, @Query() query: PeriodQuery, @User() user: CurrentUser) {
    return this.insights.departmentSummary(user, params.code, query.period);
  }

  @Get('departments/:code/events')
  @Roles(...ALL_ROLES)
  events(@Param() params: DeptParam, @Query() query: EventsQuery, @User() user: CurrentUser) {
    return this.insights.events(user, params.code, query.ids as unknown as string[]);
  }

  @Get('network')
  @Roles('leader', 'inspector', 'admin')
  network(@Query() query: PeriodQuery) {
    return this.insights.network(query.period);
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  departmentSummarySchema,
  deptParamSchema,
  eventsQuerySchema,
  eventViewSchema,
  networkResponseSchema,
  overviewResponseSchema,
  periodParamSchema,
  periodQuerySchema,
  periodStatusSchema,
  trendsQuerySchema,
  trendsResponseSchema,
  type CurrentUser,
} from '@app/contracts';
import { ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { InsightsService } from './insights.service';

class PeriodParam extends createZodDto(periodParamSchema) {}
class DeptParam extends createZodDto(deptParamSchema) {}
class PeriodQuery extends createZodDto(periodQuerySchema) {}
class TrendsQuery extends createZodDto(trendsQuerySchema) {}
class EventsQuery extends createZodDto(eventsQuerySchema) {}
class PeriodStatusDto extends createZodDto(periodStatusSchema) {}
class OverviewDto extends createZodDto(overviewResponseSchema) {}
class TrendsDto extends createZodDto(trendsResponseSchema) {}
class DepartmentSummaryDto extends createZodDto(departmentSummarySchema) {}
class EventDto extends createZodDto(eventViewSchema) {}
class NetworkDto extends createZodDto(networkResponseSchema) {}

@ApiTags('insights')
@Controller()
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Get('periods/:period')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: PeriodStatusDto })
  status(@Param() params: PeriodParam) {
    return this.insights.periodStatus(params.period);
  }

  @Get('overview')
  @Roles('leader', 'inspector', 'admin')
  @ZodResponse({ type: OverviewDto })
  overview(@Query() query: PeriodQuery) {
    return this.insights.overview(query.period);
  }

  @Get('trends')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: TrendsDto })
  trends(@Query() query: TrendsQuery, @User() user: CurrentUser) {
    return this.insights.trends(user, query.kind, query.from, query.to, query.dept);
  }

  @Get('departments/:code/summary')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: DepartmentSummaryDto })
  summary(@Param() params: DeptParam, @Query() query: PeriodQuery, @User() user: CurrentUser) {
    return this.insights.departmentSummary(user, params.code, query.period);
  }

  @Get('departments/:code/events')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: [EventDto] })
  events(@Param() params: DeptParam, @Query() query: EventsQuery, @User() user: CurrentUser) {
    return this.insights.events(user, params.code, query.ids);
  }

  @Get('network')
  @Roles('leader', 'inspector', 'admin')
  @ZodResponse({ type: NetworkDto })
  network(@Query() query: PeriodQuery) {
    return this.insights.network(query.period);
  }
}

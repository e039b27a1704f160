import { BadRequestException, Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { isValidDate } from '@app/scoring';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { CurrentUser } from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { deptCodeSchema, FIRST_YEAR, LAST_YEAR } from '../scoring/scoring.dto';
import { MasterDataService } from './master-data.service';
import { CsvHeaderError } from './parsing';

class KindParam extends createZodDto(z.object({ kind: z.enum(['departments', 'catalog', 'calendar']) })) {}
class DateParam extends createZodDto(
  z.object({
    date: z
      .string()
      .refine(isValidDate, 'must be a date YYYY-MM-DD')
      .refine((d) => !isValidDate(d) || (Number(d.slice(0, 4)) >= FIRST_YEAR && Number(d.slice(0, 4)) <= LAST_YEAR), `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`),
  }),
) {}
class CalendarDayDto extends createZodDto(z.object({ kind: z.enum(['holiday', 'workday']) })) {}
class CatalogQuery extends createZodDto(z.object({ dept: deptCodeSchema.optional() })) {}

@ApiTags('master data')
@Controller()
export class MasterDataController {
  constructor(private readonly masterData: MasterDataService) {}

  /** Upload departments.csv, catalog.csv or calendar.csv as the request body (UTF-8 or GB18030). */
  @Post('master-data/:kind')
  @Roles('admin')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async import(@Param() params: KindParam, @Body() body: unknown, @User() user: CurrentUser) {
    if (!Buffer.isBuffer(body) || body.length === 0) throw new BadRequestException('body: send the CSV file as the request body (Content-Type: text/csv)');
    try {
      return await this.masterData.import(params.kind, body, actorOf(user));
    } catch (error) {
      if (error instanceof CsvHeaderError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  @Get('departments')
  @Roles(...ALL_ROLES)
  departments() {
    return this.masterData.departments();
  }

  @Get('catalog')
  @Roles(...ALL_ROLES)
  async catalog(@Query() query: CatalogQuery) {
    if (query.dept && !(await this.masterData.departmentExists(query.dept))) throw new NotFoundException(`unknown department "${query.dept}"`);
    return this.masterData.resources(query.dept);
  }

  @Put('calendar/:date')
  @Roles('admin')
  async setCalendarDay(@Param() params: DateParam, @Body() body: CalendarDayDto, @User() user: CurrentUser) {
    await this.masterData.setCalendarDay(params.date, body.kind, actorOf(user));
    return { date: params.date, kind: body.kind };
  }

  @Delete('calendar/:date')
  @Roles('admin')
  @HttpCode(204)
  async removeCalendarDay(@Param() params: DateParam, @User() user: CurrentUser) {
    await this.masterData.removeCalendarDay(params.date, actorOf(user));
  }

  @Get('calendar')
  @Roles(...ALL_ROLES)
  async calendar() {
    return (await this.masterData.calendar()).entries;
  }
}

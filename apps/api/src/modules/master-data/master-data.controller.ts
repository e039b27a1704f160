import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  calendarDateParamSchema,
  calendarDayRequestSchema,
  calendarEntrySchema,
  catalogQuerySchema,
  departmentViewSchema,
  importOutcomeSchema,
  masterDataKindParamSchema,
  resourceViewSchema,
  type CurrentUser,
} from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { UploadBodies, type BodyLimits } from '../../common/upload-body';
import { MasterDataService } from './master-data.service';
import { CsvHeaderError } from './parsing';
import { badRequest, notFound, refusedText } from '../../common/user-error';

const MASTER_DATA_LIMITS: BodyLimits = { maxBytes: 32 * 1024 * 1024, maxInflatedBytes: 32 * 1024 * 1024, hint: '32 MB', inflatedHint: '32 MB' };

class KindParam extends createZodDto(masterDataKindParamSchema) {}
class DateParam extends createZodDto(calendarDateParamSchema) {}
class CalendarDayDto extends createZodDto(calendarDayRequestSchema) {}
class CatalogQuery extends createZodDto(catalogQuerySchema) {}
class ImportOutcomeDto extends createZodDto(importOutcomeSchema) {}
class DepartmentDto extends createZodDto(departmentViewSchema) {}
class ResourceDto extends createZodDto(resourceViewSchema) {}
class CalendarEntryDto extends createZodDto(calendarEntrySchema) {}

@ApiTags('master data')
@Controller()
export class MasterDataController {
  constructor(
    private readonly masterData: MasterDataService,
    private readonly uploads: UploadBodies,
  ) {}

  /** Upload departments.csv, catalog.csv or calendar.csv as the request body (UTF-8 or GB18030). */
  @Post('master-data/:kind')
  @Roles('admin')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ZodResponse({ status: 201, type: ImportOutcomeDto })
  async import(@Param() params: KindParam, @Req() req: Request, @User() user: CurrentUser) {
    const body = await this.uploads.read(req, MASTER_DATA_LIMITS);
    if (body.length === 0) throw badRequest('upload.csvBody');
    try {
      return await this.masterData.import(params.kind, body, actorOf(user));
    } catch (error) {
      if (error instanceof CsvHeaderError) throw refusedText(error.message, 'upload.');
      throw error;
    }
  }

  @Get('departments')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: [DepartmentDto] })
  departments() {
    return this.masterData.departments();
  }

  @Get('catalog')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: [ResourceDto] })
  async catalog(@Query() query: CatalogQuery) {
    if (query.dept && !(await this.masterData.departmentExists(query.dept))) throw notFound('dept.unknown', { dept: query.dept });
    return this.masterData.resources(query.dept);
  }

  @Put('calendar/:date')
  @Roles('admin')
  @ZodResponse({ type: CalendarEntryDto })
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
  @ZodResponse({ type: [CalendarEntryDto] })
  async calendar() {
    return (await this.masterData.calendar()).entries;
  }
}

import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Req, StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  calendarDateParamSchema,
  calendarDayRequestSchema,
  calendarEntrySchema,
  catalogQuerySchema,
  departmentViewSchema,
  importOutcomeSchema,
  masterDataKindParamSchema,
  masterDataTemplateParamSchema,
  resourceViewSchema,
  type CurrentUser,
} from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { contentDisposition } from '../../common/export/content-disposition';
import { EXPORT_CONTENT_TYPES } from '../../common/export/content-types';
import { UploadBodies, type BodyLimits } from '../../common/upload-body';
import { MasterDataService } from './master-data.service';
import { masterDataTemplate } from './templates';
import { CsvHeaderError } from './parsing';
import { badRequest, notFound, refusedText } from '../../common/user-error';

const MASTER_DATA_LIMITS: BodyLimits = { maxBytes: 32 * 1024 * 1024, maxInflatedBytes: 32 * 1024 * 1024, hint: '32 MB', inflatedHint: '32 MB' };

class KindParam extends createZodDto(masterDataKindParamSchema) {}
class TemplateParam extends createZodDto(masterDataTemplateParamSchema) {}
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

  /** Upload a departments, catalog or calendar file as the request body: CSV (UTF-8 or GB18030) or XLSX (its first sheet). */
  @Post('master-data/:kind')
  @Roles('admin')
  @ApiConsumes('text/csv', EXPORT_CONTENT_TYPES.xlsx)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ZodResponse({ status: 201, type: ImportOutcomeDto })
  async import(@Param() params: KindParam, @Req() req: Request, @User() user: CurrentUser) {
    const body = await this.uploads.read(req, MASTER_DATA_LIMITS);
    if (body.length === 0) throw badRequest('upload.fileBody');
    try {
      return await this.masterData.import(params.kind, body, actorOf(user));
    } catch (error) {
      if (error instanceof CsvHeaderError) throw refusedText(error.message, 'upload.');
      throw error;
    }
  }

  /** A file to fill in: the header row (Chinese names) and one example row; it imports as it is. */
  @Get('master-data/templates/:file')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx, EXPORT_CONTENT_TYPES.csv)
  async template(@Param() params: TemplateParam): Promise<StreamableFile> {
    const { bytes, filename, contentType } = await masterDataTemplate(params.file);
    return new StreamableFile(bytes, { type: contentType, disposition: contentDisposition(filename), length: bytes.length });
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
    return this.masterData.setCalendarDay(params.date, body.kind, actorOf(user), body.name);
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

import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  departmentsZipParamSchema,
  departmentsZipQuerySchema,
  parseReportFileName,
  reportFileIdParamSchema,
  reportFileParamSchema,
  reportHistoryEntrySchema,
  reportHistoryQuerySchema,
  reportQuerySchema,
  type CurrentUser,
} from '@app/contracts';
import { actorOf, Roles, User } from '../../common/auth-decorators';
import { ScoresViewService } from '../scoring/scores-view.service';
import { contentDisposition } from '../../common/export/content-disposition';
import { CONTENT_TYPES } from './report-model';
import { ReportsService } from './reports.service';
import { badRequest } from '../../common/user-error';

class ReportFileParam extends createZodDto(reportFileParamSchema) {}
class ReportQuery extends createZodDto(reportQuerySchema) {}
class ZipParam extends createZodDto(departmentsZipParamSchema) {}
class ZipQuery extends createZodDto(departmentsZipQuerySchema) {}
class HistoryQuery extends createZodDto(reportHistoryQuerySchema) {}
class FileIdParam extends createZodDto(reportFileIdParamSchema) {}
class ReportHistoryEntryDto extends createZodDto(reportHistoryEntrySchema) {}

function download(bytes: Buffer, filename: string, contentType: string): StreamableFile {
  return new StreamableFile(bytes, { type: contentType, disposition: contentDisposition(filename), length: bytes.length });
}

/**
 * Report downloads. The city report and any department's: inspectors and
 * leaders; a department user only `?dept=<own>` (403, audited, otherwise).
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly view: ScoresViewService,
  ) {}

  /** Reports kept when periods were published, newest first (ReportHistoryEntry[] of libs/contracts). */
  @Get('history')
  @Roles('inspector', 'leader', 'admin')
  @ZodResponse({ type: [ReportHistoryEntryDto] })
  history(@Query() query: HistoryQuery) {
    return this.reports.history(query);
  }

  /** A kept report (or zip of department reports), byte for byte as it was generated at publication. */
  @Get('files/:id')
  @Roles('inspector', 'leader', 'admin')
  @Header('Cache-Control', 'no-store')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.pdf, CONTENT_TYPES.csv, CONTENT_TYPES.zip)
  async file(@Param() params: FileIdParam, @User() user: CurrentUser) {
    const file = await this.reports.download(actorOf(user), params.id);
    return download(file.content, file.fileName, file.contentType);
  }

  /** Every department's PDF report of the period, in one zip. */
  @Get(':period/departments.zip')
  @Roles('inspector')
  @Header('Cache-Control', 'no-store')
  @ApiProduces(CONTENT_TYPES.zip)
  async departmentsZip(@Param() params: ZipParam, @Query() query: ZipQuery, @User() user: CurrentUser) {
    const file = await this.reports.departmentsZip(actorOf(user), params.period, this.view.parseAsOf(query.asOf));
    return download(file.bytes, file.filename, file.contentType);
  }

  /** GET /api/reports/2026-10.xlsx (or .pdf, .csv)[?dept=CODE][&asOf=ISO]: the city's report, or one department's. */
  @Get(':file')
  @Roles('inspector', 'leader', 'department')
  @Header('Cache-Control', 'no-store')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.pdf, CONTENT_TYPES.csv)
  async report(@Param() params: ReportFileParam, @Query() query: ReportQuery, @User() user: CurrentUser) {
    const match = parseReportFileName(params.file);
    if (!match) throw badRequest('report.fileName');
    await this.reports.authorize(user, query.dept);
    const file = await this.reports.export(actorOf(user), {
      period: match.period,
      format: match.format,
      dept: query.dept,
      asOf: this.view.parseAsOf(query.asOf),
    });
    return download(file.bytes, file.filename, file.contentType);
  }
}

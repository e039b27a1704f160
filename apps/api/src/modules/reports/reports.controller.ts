import { BadRequestException, Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { parsePeriod } from '@app/scoring';
import type { CurrentUser } from '@app/contracts';
import { actorOf, Roles, User } from '../../common/auth-decorators';
import { ScoresViewService } from '../scoring/scores-view.service';
import { asOfSchema, deptCodeSchema, periodSchema } from '../scoring/scoring.dto';
import { contentDisposition } from './content-disposition';
import { CONTENT_TYPES, REPORT_FORMATS, type ReportFormat } from './report-model';
import { ReportsService } from './reports.service';

const FILE_NAME = /^(.+)\.(xlsx|pdf|csv)$/;

class ReportFileParam extends createZodDto(
  z.object({
    file: z
      .string()
      .refine((f) => {
        const m = FILE_NAME.exec(f);
        return m !== null && parsePeriod(m[1]) !== null;
      }, `must be a period and a format, e.g. 2026-10.xlsx, 2026-Q4.pdf or 2026.csv (formats: ${REPORT_FORMATS.join(', ')})`),
  }),
) {}
class ReportQuery extends createZodDto(z.object({ dept: deptCodeSchema.optional(), asOf: asOfSchema })) {}
class ZipParam extends createZodDto(z.object({ period: periodSchema })) {}
class ZipQuery extends createZodDto(z.object({ asOf: asOfSchema })) {}
class HistoryQuery extends createZodDto(
  z.object({
    period: periodSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  }),
) {}
class FileIdParam extends createZodDto(z.object({ id: z.coerce.number().int().positive('must be a report id') })) {}

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
  history(@Query() query: HistoryQuery) {
    return this.reports.history(query);
  }

  /** A kept report, byte for byte as it was generated at publication. */
  @Get('files/:id')
  @Roles('inspector', 'leader', 'admin')
  @Header('Cache-Control', 'no-store')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.pdf, CONTENT_TYPES.csv)
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
    const match = FILE_NAME.exec(params.file);
    if (!match) throw new BadRequestException('file: must be a period and a format, e.g. 2026-10.xlsx');
    await this.reports.authorize(user, query.dept);
    const file = await this.reports.export(actorOf(user), {
      period: match[1],
      format: match[2] as ReportFormat,
      dept: query.dept,
      asOf: this.view.parseAsOf(query.asOf),
    });
    return download(file.bytes, file.filename, file.contentType);
  }
}

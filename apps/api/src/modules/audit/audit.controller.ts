import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema, type CurrentUser } from '@app/contracts';
import { actorOf, Roles, User } from '../../common/auth-decorators';
import { contentDisposition } from '../../common/export/content-disposition';
import { EXPORT_CONTENT_TYPES } from '../../common/export/content-types';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(auditQuerySchema) {}
class AuditExportQueryDto extends createZodDto(auditExportQuerySchema) {}
class AuditPageDto extends createZodDto(auditPageSchema) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('inspector', 'admin')
  @ZodResponse({ type: AuditPageDto })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }

  /** Every entry the filters match, oldest first, as CSV or XLSX (admins; the export is audited). */
  @Get('export')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiProduces(EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx)
  async export(@Query() query: AuditExportQueryDto, @User() user: CurrentUser) {
    const file = await this.audit.export(query, actorOf(user));
    return new StreamableFile(file.stream, { type: file.contentType, disposition: contentDisposition(file.filename) });
  }
}

import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Readable } from 'node:stream';
import {
  addedSourceSchema,
  addSourceRequestSchema,
  ingestOutcomeSchema,
  ledgerEntrySchema,
  ledgerQuerySchema,
  quarantinePageSchema,
  quarantineQuerySchema,
  replayRequestSchema,
  replayResultSchema,
  sourceNameParamSchema,
  sourceViewSchema,
  type CurrentUser,
} from '@app/contracts';
import { actorOf, Public, Roles, User } from '../../common/auth-decorators';
import { UploadBodies } from '../../common/upload-body';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ApiKeyGuard, type IngestRequest } from './api-key.guard';
import { IngestService } from './ingest.service';
import { CsvHeaderError, detectFormat } from './parsing';
import { QuarantineService } from './quarantine.service';
import { SourcesService } from './sources.service';
import { fieldRefused } from '../../common/user-error';

class SourceNameParam extends createZodDto(sourceNameParamSchema) {}
class AddSourceDto extends createZodDto(addSourceRequestSchema) {}
class QuarantineQuery extends createZodDto(quarantineQuerySchema) {}
class ReplayDto extends createZodDto(replayRequestSchema) {}
class LedgerQuery extends createZodDto(ledgerQuerySchema) {}
class IngestOutcomeDto extends createZodDto(ingestOutcomeSchema) {}
class SourceDto extends createZodDto(sourceViewSchema) {}
class AddedSourceDto extends createZodDto(addedSourceSchema) {}
class LedgerEntryDto extends createZodDto(ledgerEntrySchema) {}
class QuarantinePageDto extends createZodDto(quarantinePageSchema) {}
class ReplayResultDto extends createZodDto(replayResultSchema) {}

@ApiTags('ingest')
@Controller()
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    private readonly quarantine: QuarantineService,
    private readonly sources: SourcesService,
    private readonly uploads: UploadBodies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Events from a registered source: NDJSON, or CSV with Content-Type text/csv,
   * optionally Content-Encoding gzip. Answers after the commit; 503 when the
   * database is unavailable (retry), 413 over the configured body size.
   */
  @Post('ingest')
  @Public()
  @UseGuards(ApiKeyGuard)
  @ZodResponse({ status: 200, type: IngestOutcomeDto })
  @ApiHeader({ name: 'X-Api-Key', required: true })
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async receive(@Req() req: IngestRequest) {
    const sentMb = this.config.INGEST_MAX_BODY_MB;
    const inflatedMb = this.config.INGEST_MAX_INFLATED_MB;
    const payload = await this.uploads.read(req, {
      maxBytes: sentMb * 1024 * 1024,
      maxInflatedBytes: inflatedMb * 1024 * 1024,
      hint: `${sentMb} MB (INGEST_MAX_BODY_MB)`,
      inflatedHint: `${inflatedMb} MB (INGEST_MAX_INFLATED_MB)`,
    });
    const { format } = detectFormat(undefined, req.header('content-type') ?? undefined);
    // A gzip Content-Encoding is inflated by now; gzip bytes sent without it are detected.
    try {
      return await this.ingest.ingest(Readable.from([payload]), { source: req.ingestSource!, format, via: 'http', size: payload.length });
    } catch (error) {
      // A CSV body whose header row is unreadable or lacks required columns is refused whole, before any line is stored.
      if (error instanceof CsvHeaderError) throw fieldRefused('body', error.message, 'upload.');
      throw error;
    }
  }

  @Get('ingest/sources')
  @Roles('admin')
  @ZodResponse({ type: [SourceDto] })
  listSources() {
    return this.sources.list();
  }

  @Post('ingest/sources')
  @Roles('admin')
  @ZodResponse({ status: 201, type: AddedSourceDto })
  addSource(@Body() body: AddSourceDto, @User() user: CurrentUser) {
    return this.sources.add(body.name, actorOf(user));
  }

  @Delete('ingest/sources/:name')
  @Roles('admin')
  @HttpCode(204)
  async revokeSource(@Param() params: SourceNameParam, @User() user: CurrentUser) {
    await this.sources.revoke(params.name, actorOf(user));
  }

  @Get('ingest/ledger')
  @Roles('admin')
  @ZodResponse({ type: [LedgerEntryDto] })
  ledger(@Query() query: LedgerQuery) {
    return this.ingest.ledger(query.limit, query.offset);
  }

  @Get('quarantine')
  @Roles('admin')
  @ZodResponse({ type: QuarantinePageDto })
  listQuarantine(@Query() query: QuarantineQuery) {
    return this.quarantine.list({ ...query, open: query.open === 'true' });
  }

  @Post('quarantine/replay')
  @Roles('admin')
  @ZodResponse({ status: 200, type: ReplayResultDto })
  replay(@Body() body: ReplayDto) {
    return this.quarantine.replay(body.source);
  }
}

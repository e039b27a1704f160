import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { CurrentUser } from '@app/contracts';
import { actorOf, Public, Roles, User } from '../../common/auth-decorators';
import { ApiKeyGuard, type IngestRequest } from './api-key.guard';
import { IngestService } from './ingest.service';
import { IngestRepository } from './ingest.repository';
import { CsvHeaderError, detectFormat } from './parsing';
import { QuarantineService } from './quarantine.service';
import { SourcesService } from './sources.service';

const sourceName = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be 1-100 characters of letters, digits, _ . : -');

class SourceNameParam extends createZodDto(z.object({ name: sourceName })) {}
class AddSourceDto extends createZodDto(z.object({ name: sourceName })) {}
class QuarantineQuery extends createZodDto(
  z.object({
    source: z.string().max(500).optional(),
    reason: z.string().max(200).optional(),
    open: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  }),
) {}
class ReplayDto extends createZodDto(z.object({ source: z.string().max(500).optional() })) {}
class PageQuery extends createZodDto(
  z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) }),
) {}

@ApiTags('ingest')
@Controller()
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    private readonly quarantine: QuarantineService,
    private readonly sources: SourcesService,
    private readonly repo: IngestRepository,
  ) {}

  /**
   * Events from a registered source: NDJSON, or CSV with Content-Type text/csv,
   * optionally Content-Encoding gzip. Answers after the commit; 503 when the
   * database is unavailable (retry), 413 over the configured body size.
   */
  @Post('ingest')
  @Public()
  @UseGuards(ApiKeyGuard)
  @HttpCode(200)
  @ApiHeader({ name: 'X-Api-Key', required: true })
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async receive(@Req() req: IngestRequest, @Body() body: unknown) {
    const payload = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const { format } = detectFormat(undefined, req.header('content-type') ?? undefined);
    // body-parser has already inflated a gzip Content-Encoding; gzip bytes sent without it are detected.
    try {
      return await this.ingest.ingest(Readable.from([payload]), { source: req.ingestSource!, format });
    } catch (error) {
      // A CSV body whose header row is unreadable or lacks required columns is refused whole, before any line is stored.
      if (error instanceof CsvHeaderError) throw new BadRequestException(`body: ${error.message}`);
      throw error;
    }
  }

  @Get('ingest/sources')
  @Roles('admin')
  listSources() {
    return this.sources.list();
  }

  @Post('ingest/sources')
  @Roles('admin')
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
  ledger(@Query() query: PageQuery) {
    return this.repo.ledger(query.limit, query.offset);
  }

  @Get('quarantine')
  @Roles('admin')
  listQuarantine(@Query() query: QuarantineQuery) {
    return this.quarantine.list({ ...query, open: query.open === 'true' });
  }

  @Post('quarantine/replay')
  @Roles('admin')
  @HttpCode(200)
  replay(@Body() body: ReplayDto) {
    return this.quarantine.replay(body.source);
  }
}

import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { CurrentUser } from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { periodSchema } from '../scoring/scoring.dto';
import { SchemesService } from './schemes.service';

const weight = z.number().min(0).max(100);
export const schemeParamsSchema = z
  .object({
    weights: z.object({ timeliness: weight, completeness: weight, response: weight }),
    responseWeights: z.object({ requests: weight, objections: weight, api: weight }),
    requestSlaWorkdays: z.number().int().min(1).max(250),
    objectionSlaWorkdays: z.number().int().min(1).max(250),
    updateGraceHours: z.number().min(0).max(744),
    gradeThresholds: z.object({ A: z.number().min(0).max(100), B: z.number().min(0).max(100), C: z.number().min(0).max(100) }),
    commendTopN: z.number().int().min(0).max(1000),
  })
  .strict();

class CreateSchemeDto extends createZodDto(z.object({ scheme: schemeParamsSchema, note: z.string().max(500).nullish() })) {}
class PreviewDto extends createZodDto(z.object({ scheme: schemeParamsSchema, period: periodSchema })) {}
class MethodQuery extends createZodDto(z.object({ locale: z.enum(['zh', 'en']).default('zh') })) {}

@ApiTags('schemes')
@Controller()
export class SchemesController {
  constructor(private readonly schemes: SchemesService) {}

  @Get('schemes')
  @Roles(...ALL_ROLES)
  list() {
    return this.schemes.list();
  }

  @Post('schemes')
  @Roles('admin')
  create(@Body() body: CreateSchemeDto, @User() user: CurrentUser) {
    return this.schemes.create(body.scheme, body.note ?? null, actorOf(user));
  }

  @Post('schemes/preview')
  @Roles('admin', 'inspector')
  @HttpCode(200)
  preview(@Body() body: PreviewDto) {
    return this.schemes.preview(body.scheme, body.period);
  }

  @Get('method')
  @Roles(...ALL_ROLES)
  method(@Query() query: MethodQuery) {
    return this.schemes.method(query.locale);
  }
}

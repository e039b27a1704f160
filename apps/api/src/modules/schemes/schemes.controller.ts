import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  createSchemeRequestSchema,
  methodQuerySchema,
  schemeDescriptionSchema,
  schemePreviewRequestSchema,
  schemePreviewSchema,
  schemeVersionSchema,
  type CurrentUser,
} from '@app/contracts';
import { actorOf, ALL_ROLES, Roles, User } from '../../common/auth-decorators';
import { SchemesService } from './schemes.service';

class CreateSchemeDto extends createZodDto(createSchemeRequestSchema) {}
class PreviewDto extends createZodDto(schemePreviewRequestSchema) {}
class MethodQuery extends createZodDto(methodQuerySchema) {}
class SchemeVersionDto extends createZodDto(schemeVersionSchema) {}
class SchemePreviewDto extends createZodDto(schemePreviewSchema) {}
class SchemeDescriptionDto extends createZodDto(schemeDescriptionSchema) {}

@ApiTags('schemes')
@Controller()
export class SchemesController {
  constructor(private readonly schemes: SchemesService) {}

  @Get('schemes')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: [SchemeVersionDto] })
  list() {
    return this.schemes.list();
  }

  @Post('schemes')
  @Roles('admin')
  @ZodResponse({ status: 201, type: SchemeVersionDto })
  create(@Body() body: CreateSchemeDto, @User() user: CurrentUser) {
    return this.schemes.create(body.scheme, body.note ?? null, actorOf(user));
  }

  @Post('schemes/preview')
  @Roles('admin', 'inspector')
  @ZodResponse({ status: 200, type: SchemePreviewDto })
  preview(@Body() body: PreviewDto) {
    return this.schemes.preview(body.scheme, body.period);
  }

  @Get('method')
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: SchemeDescriptionDto })
  method(@Query() query: MethodQuery) {
    return this.schemes.method(query.locale);
  }
}

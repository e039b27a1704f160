import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '../../common/auth-decorators';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(
  z.object({
    action: z.string().max(100).optional(),
    actor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  }),
) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('inspector', 'admin')
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }
}

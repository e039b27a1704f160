import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { healthResponseSchema } from '@app/contracts';
import { HealthCheck, HealthCheckService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/auth-decorators';

class HealthDto extends createZodDto(healthResponseSchema) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: MikroOrmHealthIndicator,
  ) {}

  /** {"status":"ok"} when the database answers, 503 otherwise. */
  @Get()
  @Public()
  @HealthCheck()
  @ApiOkResponse({ type: HealthDto })
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }
}

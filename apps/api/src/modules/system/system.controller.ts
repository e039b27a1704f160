import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { seedingProgressSchema, systemInfoSchema, type SeedingProgress, type SystemInfo } from '@app/contracts';
import { ALL_ROLES, Public, Roles } from '../../common/auth-decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DATABASE_TARGET } from '../../database/database.tokens';
import type { DatabaseTarget } from '../../database/database-target';
import { APP_VERSION } from '../../version';
import { DemoSeedService } from '../demo/demo-seed.service';

class SystemInfoDto extends createZodDto(systemInfoSchema) {}
class SeedingProgressDto extends createZodDto(seedingProgressSchema) {}

@ApiTags('system')
@Controller('system')
export class SystemController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
    private readonly demo: DemoSeedService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ZodResponse({ type: SystemInfoDto })
  info(): SystemInfo {
    return {
      name: '政务数据共享绩效考核看板',
      version: APP_VERSION,
      database: this.target.kind,
      timeZone: this.config.ASSESSMENT_TIME_ZONE,
      seeding: this.demo.status(),
    };
  }

  /** How far demo seeding has come, for the login page: the demo logins work only once it is done. */
  @Get('seeding')
  @Public()
  @ZodResponse({ type: SeedingProgressDto })
  seeding(): SeedingProgress {
    const { error: _error, ...progress } = this.demo.status();
    return progress;
  }
}

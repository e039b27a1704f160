import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { rawBody } from '../../common/raw-body';
import { AuditModule } from '../audit/audit.module';
import { ChangesModule } from '../changes/changes.module';
import { MasterDataController } from './master-data.controller';
import { MasterDataRepository } from './master-data.repository';
import { MasterDataService } from './master-data.service';

@Module({
  imports: [AuditModule, ChangesModule],
  controllers: [MasterDataController],
  providers: [MasterDataRepository, MasterDataService],
  exports: [MasterDataService],
})
export class MasterDataModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(rawBody(32 * 1024 * 1024, '32 MB')).forRoutes({ path: 'master-data/{*kind}', method: RequestMethod.POST });
  }
}

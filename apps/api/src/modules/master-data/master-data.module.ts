import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { rawBody } from '../../common/raw-body';
import { MasterDataController } from './master-data.controller';
import { MasterDataRepository } from './master-data.repository';
import { MasterDataService } from './master-data.service';

@Module({
  controllers: [MasterDataController],
  providers: [MasterDataRepository, MasterDataService],
  exports: [MasterDataService, MasterDataRepository],
})
export class MasterDataModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(rawBody(32 * 1024 * 1024, '32 MB')).forRoutes({ path: 'master-data/{*kind}', method: RequestMethod.POST });
  }
}

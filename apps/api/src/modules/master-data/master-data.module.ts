import { Module } from '@nestjs/common';
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
export class MasterDataModule {}

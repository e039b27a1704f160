import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { SignInsRepository } from './sign-ins.repository';
import { SignInsService } from './sign-ins.service';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule, MasterDataModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, SignInsRepository, SignInsService],
  exports: [UsersService, SignInsService],
})
export class UsersModule {}

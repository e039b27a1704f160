import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit/audit.module';
import { SettingsModule } from '../settings/settings.module';
import { SettingsService } from '../settings/settings.service';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimitsRepository } from './login-limits.repository';
import { LoginLimitsService } from './login-limits.service';
import { TwoFactorController } from './two-factor.controller';
import { TwoFactorRepository } from './two-factor.repository';
import { TwoFactorService } from './two-factor.service';

@Module({
  imports: [
    AuditModule,
    UsersModule,
    SettingsModule,
    JwtModule.registerAsync({
      imports: [SettingsModule],
      inject: [SettingsService, APP_CONFIG],
      useFactory: async (settings: SettingsService, config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it
        // as a public key on every verify, which was 14% of the CPU of an authenticated request.
        secret: createSecretKey(Buffer.from(await settings.jwtSecret(config.JWT_SECRET))) as unknown as Buffer,
        signOptions: { expiresIn: config.JWT_TTL_MINUTES * 60, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, TwoFactorController],
  providers: [
    AuthService,
    LoginLimitsRepository,
    LoginLimitsService,
    TwoFactorRepository,
    TwoFactorService,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
})
export class AuthModule {}

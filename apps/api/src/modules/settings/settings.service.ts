import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { SettingsRepository } from './settings.repository';

@Injectable()
export class SettingsService {
  constructor(private readonly settings: SettingsRepository) {}

  /**
   * The JWT signing secret: JWT_SECRET when configured, else one generated on
   * first start and kept in the database so every instance signs alike.
   */
  async jwtSecret(configured: string | undefined): Promise<string> {
    if (configured) return configured;
    return this.settings.putIfAbsent('jwt_secret', randomBytes(48).toString('base64url'));
  }

  /** The key that encrypts channel secrets at rest: SECRET_KEY when configured, else one generated once and kept like the JWT secret. */
  async secretKey(configured: string | undefined): Promise<string> {
    if (configured) return configured;
    return this.settings.putIfAbsent('secret_key', randomBytes(32).toString('base64url'));
  }
}

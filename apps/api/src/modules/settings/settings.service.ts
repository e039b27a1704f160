import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../common/secret-box';
import { SettingsRepository } from './settings.repository';

@Injectable()
export class SettingsService {
  private box: Promise<SecretBox> | null = null;

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

  /** Seals and opens secrets at rest (channel secrets, TOTP secrets) with that key; made once per process. */
  secretBox(configured: string | undefined): Promise<SecretBox> {
    this.box ??= this.secretKey(configured).then((key) => new SecretBox(key));
    return this.box;
  }
}

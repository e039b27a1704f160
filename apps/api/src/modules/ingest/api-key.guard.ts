import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { SourcesService } from './sources.service';
import { unauthorized } from '../../common/user-error';

export interface IngestRequest extends Request {
  ingestSource?: string;
}

/** Ingest sources authenticate with their own key in X-Api-Key; nothing else accepts it. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly sources: SourcesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<IngestRequest>();
    const key = request.header('x-api-key');
    if (!key) throw unauthorized('apiKey.required');
    const source = await this.sources.authenticate(key);
    if (!source) throw unauthorized('apiKey.unknown');
    request.ingestSource = source;
    return true;
  }
}

import { HttpException, Inject, Injectable, PayloadTooLargeException, ServiceUnavailableException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { badRequest } from './user-error';

export interface BodyLimits {
  /** Largest body as sent (compressed). */
  maxBytes: number;
  /** Largest body after decompression. */
  maxInflatedBytes: number;
  /** How the limits read in a 413, e.g. "64 MB (INGEST_MAX_BODY_MB)". */
  hint: string;
  inflatedHint: string;
}

const RETRY_AFTER_SECONDS = 5;

/**
 * Reads the body of an upload route (ingest, master data) inside its handler, so only after
 * the guards have authenticated and authorised the caller. At most UPLOAD_CONCURRENCY bodies
 * are read at once (503 with Retry-After beyond that); the body is inflated as it arrives,
 * under both the sent and the inflated limit (413). On a refusal the rest of the body is left
 * unread: the answer closes the connection (main.ts).
 */
@Injectable()
export class UploadBodies {
  private active = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async read(req: Request, limits: BodyLimits): Promise<Buffer> {
    if (this.active >= this.config.UPLOAD_CONCURRENCY) {
      req.res?.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      throw new ServiceUnavailableException(
        `too many uploads at once (UPLOAD_CONCURRENCY ${this.config.UPLOAD_CONCURRENCY}); retry in ${RETRY_AFTER_SECONDS} s`,
      );
    }
    this.active++;
    try {
      return await readBody(req, limits);
    } finally {
      this.active--;
    }
  }
}

function inflaterFor(req: Request): Gunzip | Inflate | null {
  const encoding = (req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return null;
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  throw new UnsupportedMediaTypeException(`unsupported Content-Encoding "${encoding.slice(0, 40)}" (gzip, deflate or identity)`);
}

function readBody(req: Request, limits: BodyLimits): Promise<Buffer> {
  const declared = Number(req.header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw new PayloadTooLargeException(`request body is larger than ${limits.hint}`);
  const inflater = inflaterFor(req);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let sent = 0;
    let kept = 0;
    let settled = false;
    const finish = (error: HttpException | null) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        // Leave the rest of the body unread; the answer closes the connection.
        req.pause();
        inflater?.destroy();
        reject(error);
      } else resolve(Buffer.concat(chunks, kept));
    };
    const keep = (chunk: Buffer) => {
      kept += chunk.length;
      if (kept > limits.maxInflatedBytes) return finish(new PayloadTooLargeException(`request body is larger than ${limits.inflatedHint} once decompressed`));
      chunks.push(chunk);
    };
    const onData = (chunk: Buffer) => {
      sent += chunk.length;
      if (sent > limits.maxBytes) return finish(new PayloadTooLargeException(`request body is larger than ${limits.hint}`));
      if (!inflater) return keep(chunk);
      if (!inflater.write(chunk)) {
        req.pause();
        inflater.once('drain', () => {
          if (!settled) req.resume();
        });
      }
    };
    const onEnd = () => {
      if (inflater) inflater.end();
      else finish(null);
    };
    const onError = () => finish(badRequest('upload.cutOff'));
    if (inflater) {
      inflater.on('data', (chunk: Buffer) => {
        if (!settled) keep(chunk);
      });
      inflater.on('end', () => finish(null));
      inflater.on('error', () => finish(badRequest('upload.badEncoding')));
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/** True when the error means the database cannot be reached right now (the client should retry). */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: string; message?: string; cause?: unknown; name?: string };
    if (e.code && CONNECTION_ERRORS.has(e.code)) return true;
    if (e.name === 'ConnectionException' || e.name === 'KnexTimeoutError') return true;
    if (e.message && /Connection terminated|connection timeout|Too many connections|Timeout acquiring a connection/i.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}

/** Every error body is { statusCode, message }; database outages are 503, anything unexpected 500 without internals. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      res.status(status).json({ statusCode: status, message: Array.isArray(message) ? message.join('; ') : message });
      return;
    }
    const bodyParserError = exception as { type?: string; status?: number; message?: string };
    if (bodyParserError.type && bodyParserError.status && bodyParserError.status < 500) {
      res.status(bodyParserError.status).json({ statusCode: bodyParserError.status, message: bodyParserError.message });
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).setHeader('Retry-After', '5').json({ statusCode: 503, message: 'database unavailable; retry shortly' });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'internal error' });
  }
}

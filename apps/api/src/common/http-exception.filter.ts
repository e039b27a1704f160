import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../database/database-errors';

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

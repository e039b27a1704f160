import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../database/database-errors';

/** PostgreSQL data exceptions (class 22) and over-long index entries, in words that do not show the SQL. */
const REJECTED_VALUES: Record<string, string> = {
  '22001': 'a value is longer than the database can store',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22021': 'a text value contains a character that cannot be stored (NUL)',
  '22P02': 'a value has the wrong format',
  '22P05': 'a text value contains a character that cannot be stored (NUL)',
  '54000': 'a value is too long to be stored',
};

function rejectedValue(error: unknown): { code: string; message: string } | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; cause?: unknown; previous?: unknown };
    if (typeof e.code === 'string' && (e.code.startsWith('22') || e.code === '54000')) {
      return { code: e.code, message: `invalid input: ${REJECTED_VALUES[e.code] ?? 'a value is not valid'}` };
    }
    current = e.cause ?? e.previous;
  }
  return null;
}

/** Every error body is { statusCode, message } (and `code` where a client reacts to it); database outages are 503, values the database refuses 400, anything unexpected 500 without internals. */
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
      // The code, its parameters and the problems (user-error.ts) let a client render the message in its language.
      const { code, params, problems } = typeof body === 'object' ? (body as { code?: unknown; params?: unknown; problems?: unknown }) : {};
      res.status(status).json({
        statusCode: status,
        message: Array.isArray(message) ? message.join('; ') : message,
        ...(typeof code === 'string' ? { code } : {}),
        ...(params && typeof params === 'object' ? { params } : {}),
        ...(Array.isArray(problems) ? { problems } : {}),
      });
      return;
    }
    const bodyParserError = exception as { type?: string; status?: number; message?: string };
    if (bodyParserError.type && bodyParserError.status && bodyParserError.status < 500) {
      res.status(bodyParserError.status).json({ statusCode: bodyParserError.status, message: bodyParserError.message });
      return;
    }
    const rejected = rejectedValue(exception);
    if (rejected) {
      // A value the validation let through but the database cannot hold: the request's fault, not the server's.
      this.logger.warn(
        `database refused a value (${rejected.code}): ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
      );
      res.status(HttpStatus.BAD_REQUEST).json({ statusCode: 400, message: rejected.message });
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

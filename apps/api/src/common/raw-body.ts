import { CallHandler, ExecutionContext, HttpException, NestInterceptor } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import type { Socket } from 'node:net';
import { from, switchMap, type Observable } from 'rxjs';

interface ParserError {
  status?: number;
  type?: string;
  message?: string;
}

function describeError(error: unknown, limitHint: string): { status: number; message: string } {
  const e = error as ParserError;
  const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
  const message =
    e.type === 'entity.too.large'
      ? `request body is larger than ${limitHint}`
      : e.type === 'entity.parse.failed'
        ? `body: malformed JSON (${e.message ?? 'parse error'})`
        : e.type === 'encoding.unsupported'
          ? 'body: no Content-Encoding is accepted here'
          : (e.message ?? 'unreadable request body');
  return { status, message };
}

/**
 * Wraps a body parser so a body over the limit is answered with 413 and a
 * malformed one with 400 right here: an error passed on from middleware
 * would skip the route and end as a 404.
 */
function answeringErrors(parse: RequestHandler, limitHint: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const { status, message } = describeError(error, limitHint);
      res.status(status).json({ statusCode: status, message });
    });
}

/** A JSON body parsed before the route runs: only for login, which must read its body before anyone is known. */
export function jsonBody(limitBytes: number, limitHint: string, inflate = true): RequestHandler {
  return answeringErrors(json({ limit: limitBytes, inflate }), limitHint);
}

/**
 * Parses JSON bodies after the guards (interceptors run after them), so no body is read before
 * its sender is authenticated and allowed to use the route. Upload routes read their own bodies.
 */
export class JsonBodyInterceptor implements NestInterceptor {
  private readonly parse: RequestHandler;

  constructor(
    limitBytes: number,
    private readonly limitHint: string,
    private readonly rawRoutes: RegExp,
  ) {
    this.parse = json({ limit: limitBytes });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { _body?: boolean }>();
    if (req._body || this.rawRoutes.test(req.path)) return next.handle();
    const res = http.getResponse<Response>();
    const parsed = new Promise<void>((resolve, reject) =>
      this.parse(req, res, (error?: unknown) => {
        if (!error) return resolve();
        const { status, message } = describeError(error, this.limitHint);
        reject(new HttpException({ statusCode: status, message }, status));
      }),
    );
    return from(parsed).pipe(switchMap(() => next.handle()));
  }
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** How long a refused connection stays half-closed so the client reads the answer before the socket goes. */
const LINGER_MS = 1000;
/** A client that never reads its answer does not keep the socket longer than this. */
const MAX_LINGER_MS = 60_000;

/**
 * Closes a connection without reading what is left of its body. Node's own close for a
 * `Connection: close` answer first reads the rest off the wire, then destroys the socket with
 * unread bytes, whose reset can wipe the answer before the client has read it. Here reading
 * stops, the answer is followed by a FIN, and the socket is destroyed a moment later.
 */
function closeWithoutReading(socket: Socket): void {
  socket.destroySoon = function (this: Socket) {
    this.pause();
    // The answer may still be in the send buffer (a large download): linger once it is all written.
    this.once('finish', () => setTimeout(() => this.destroy(), LINGER_MS).unref());
    setTimeout(() => this.destroy(), MAX_LINGER_MS).unref();
    this.end();
  };
}

/**
 * A request answered before its body was read (refused, too large, too many at once) has its
 * connection closed with the answer, so the rest is never read.
 */
export function closeWhenBodyUnread(req: Request, res: Response, next: NextFunction): void {
  if (hasBody(req)) {
    const writeHead = res.writeHead.bind(res);
    res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
      if (!req.complete && !this.headersSent) {
        this.setHeader('Connection', 'close');
        closeWithoutReading(req.socket);
        // Node would read the rest of the body off the wire once the answer is sent.
        req.pause();
      }
      return writeHead(...args);
    } as Response['writeHead'];
  }
  next();
}

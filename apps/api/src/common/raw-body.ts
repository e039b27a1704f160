import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, raw } from 'express';

/**
 * Wraps a body parser so a body over the limit is answered with 413 and a
 * malformed one with 400 right here: an error passed on from middleware
 * would skip the route and end as a 404.
 */
function answeringErrors(parse: RequestHandler, limitHint: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const e = error as { status?: number; type?: string; message?: string };
      const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
      const message =
        e.type === 'entity.too.large'
          ? `request body is larger than ${limitHint}`
          : e.type === 'entity.parse.failed'
            ? `body: malformed JSON (${e.message ?? 'parse error'})`
            : (e.message ?? 'unreadable request body');
      res.status(status).json({ statusCode: status, message });
    });
}

/** Any body as a Buffer (gzip inflated): for files sent as the request body. */
export function rawBody(limitBytes: number, limitHint: string): RequestHandler {
  return answeringErrors(raw({ type: () => true, limit: limitBytes, inflate: true }), limitHint);
}

export function jsonBody(limitBytes: number, limitHint: string): RequestHandler {
  return answeringErrors(json({ limit: limitBytes }), limitHint);
}

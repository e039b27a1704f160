import expressStaticGzip from 'express-static-gzip';
import type { ServerResponse } from 'node:http';
import { basename, join } from 'node:path';

/** Vite writes the app's code and styles under assets/ with a content hash in each name. */
export const HASHED_ASSETS_ROUTE = '/assets';

/**
 * Cache rules of the built dashboard: a hashed file never changes under its name, so a browser
 * keeps it for a year without asking; index.html names the current ones, so it is revalidated on
 * every load (a new release is picked up at once).
 */
export function setWebCacheHeaders(res: ServerResponse, path: string): void {
  if (basename(path) === 'index.html') res.setHeader('Cache-Control', 'no-cache');
}

/** The hashed assets, sent as the brotli or gzip file the build wrote beside each one when the browser accepts it. */
export function serveHashedAssets(webDist: string) {
  return expressStaticGzip(join(webDist, 'assets'), {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      fallthrough: true,
      setHeaders: (res: ServerResponse) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    },
  });
}

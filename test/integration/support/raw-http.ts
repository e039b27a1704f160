import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app';

/**
 * A bare HTTP client for requests supertest would tidy up: raw paths with
 * any percent-encoding, any body bytes and headers, and a hard deadline so a
 * hanging answer fails the test instead of stalling it.
 */
export interface RawRequest {
  method: string;
  /** Sent as is: encode it with pct() where needed. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
  ms: number;
}

export class RequestTimeout extends Error {}

export function portOf(t: TestApp): number {
  return (t.app.getHttpServer().address() as AddressInfo).port;
}

export function send(port: number, req: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string> = { ...req.headers };
    if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['Content-Length'] = String(body.length);
    const r = request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        if (/json/.test(String(res.headers['content-type'] ?? ''))) {
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
        }
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, text, json, ms: Date.now() - started });
      });
    });
    const timer = setTimeout(() => {
      r.destroy(new RequestTimeout(`${req.method} ${req.path.slice(0, 200)}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    r.on('error', (error) => {
      clearTimeout(timer);
      // The server may answer (413, 400) and close before the whole body is written.
      reject(error);
    });
    if (body) r.write(body);
    r.end();
  });
}

/** Percent-encodes every byte outside RFC 3986's unreserved set (lone surrogates become U+FFFD). */
export function pct(value: string): string {
  let out = '';
  for (const b of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** An error answer in the API's one shape: { statusCode, message } with a message that says something. */
export function errorShapeProblem(res: RawResponse): string | null {
  const body = res.json as { statusCode?: unknown; message?: unknown } | undefined;
  if (!body || typeof body !== 'object') return `${res.status} without a JSON body: ${JSON.stringify(res.text.slice(0, 200))}`;
  if (body.statusCode !== res.status) return `${res.status} with statusCode ${JSON.stringify(body.statusCode)}`;
  if (typeof body.message !== 'string' || body.message.trim().length < 3) return `${res.status} without a message: ${JSON.stringify(body).slice(0, 200)}`;
  if (res.status !== 500 && /^internal error$/i.test(body.message)) return `${res.status} says "internal error"`;
  return null;
}

/**
 * The one place the dashboard talks HTTP. The session lives in an httpOnly, SameSite=Strict cookie
 * set by `POST /api/auth/login`: the client never sees or stores the token, it only sends the
 * cookie along (`credentials: 'same-origin'`) and reacts to 401.
 */

import type { ErrorBody } from '@app/contracts';

/** A failed call. `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  /** The refusal's body: its code, parameters and problems render it in the user's language. */
  readonly body: ErrorBody | undefined;

  constructor(status: number, message: string, body?: ErrorBody) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  /** The refusal's code (messages.ts, e.g. auth.codeRequired), when it has one. */
  get code(): string | undefined {
    return this.body?.code;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type UnauthorizedHandler = () => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/** Registered once at start-up: what to do when the session turns out to be gone (go to /login). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

/** Report a lost session found without an HTTP 401 (e.g. /me answering "nobody"). */
export function notifyUnauthorized(): void {
  unauthorizedHandler?.();
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (a CSV file's bytes, in whatever encoding it has), with `contentType`. */
  rawBody?: Blob | string;
  contentType?: string;
  signal?: AbortSignal;
  /**
   * Whether a 401 ends the session in the UI. Off for calls where 401 is an ordinary answer:
   * a wrong password at login, "not logged in" from /auth/me.
   */
  handleUnauthorized?: boolean;
}

export const API_BASE = '/api';

export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', body, rawBody, contentType, signal, handleUnauthorized = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (rawBody !== undefined) headers['Content-Type'] = contentType ?? 'application/octet-stream';
  else if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: rawBody !== undefined ? rawBody : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, error instanceof Error ? error.message : 'network error');
  }

  if (response.status === 401 && handleUnauthorized) notifyUnauthorized();
  if (!response.ok) {
    const { message, body } = await readError(response);
    throw new ApiError(response.status, message, body);
  }
  if (response.status === 204) return undefined as T;

  // A 200 that is not JSON is an HTML fallback page (API not mounted, wrong proxy): not data.
  if (!isJson(response)) throw new ApiError(502, `unexpected ${response.headers.get('content-type') ?? 'untyped'} response`);
  return (await response.json()) as T;
}

function isJson(response: Response): boolean {
  return /\bjson\b/i.test(response.headers.get('content-type') ?? '');
}

async function readError(response: Response): Promise<{ message: string; body?: ErrorBody }> {
  const fallback = response.statusText || `HTTP ${response.status}`;
  if (isJson(response)) {
    try {
      const body = (await response.json()) as Partial<ErrorBody>;
      const message = typeof body.message === 'string' && body.message ? body.message : fallback;
      return { message, body: { ...body, statusCode: response.status, message } };
    } catch {
      // fall through to the status text
    }
  }
  return { message: fallback };
}

type QueryValue = string | number | boolean | null | undefined;

/** `path?query` with the defined, non-empty values only. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** A URL the browser opens itself (downloads): same origin, so the session cookie goes along. */
export function apiUrl(path: string): string {
  return `${API_BASE}${path}`;
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/** True when the error means the database cannot be reached right now (the client should retry). */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: string; message?: string; cause?: unknown; name?: string };
    if (e.code && CONNECTION_ERRORS.has(e.code)) return true;
    if (e.name === 'ConnectionException' || e.name === 'KnexTimeoutError') return true;
    // pg says "timeout expired" when a new connection does not complete within connectionTimeoutMillis.
    // "not queryable": a transaction's ROLLBACK on a connection that has just dropped.
    if (
      e.message &&
      /Connection terminated|connection timeout|timeout expired|not queryable|Too many connections|Timeout acquiring a connection/i.test(e.message)
    )
      return true;
    current = e.cause;
  }
  return false;
}

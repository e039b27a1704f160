import type { Test } from 'supertest';

/** The response body as bytes, whatever its type (supertest parses only what it knows). */
export function binary(req: Test): Test {
  return req.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

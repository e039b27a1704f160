import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { hasGzipMagic } from './format';

export type ByteInput = NodeJS.ReadableStream | AsyncIterable<Buffer | Uint8Array | string>;

async function* asBuffers(input: ByteInput): AsyncGenerator<Buffer> {
  for await (const chunk of input as AsyncIterable<Buffer | Uint8Array | string>) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else if (Buffer.isBuffer(chunk)) yield chunk;
    else yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

async function* gunzip(first: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  async function* all(): AsyncGenerator<Buffer> {
    yield* first;
    for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
  }
  const inflate = createGunzip();
  // Errors (corrupt or truncated gzip, input errors) surface through the iteration below.
  pipeline(Readable.from(all()), inflate, () => {});
  try {
    for await (const chunk of inflate) yield chunk as Buffer;
  } finally {
    inflate.destroy();
  }
}

/**
 * The input's bytes, gunzipped when `gzip` is true, or, when it is undefined, when the data
 * starts with the gzip magic bytes.
 */
export async function* sourceBytes(input: ByteInput, gzip?: boolean): AsyncGenerator<Buffer> {
  const it = asBuffers(input)[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let firstBytes = 0;
  let done = false;
  while (gzip === undefined && firstBytes < 2) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    first.push(r.value);
    firstBytes += r.value.length;
  }
  const useGzip = gzip ?? (firstBytes >= 2 && hasGzipMagic(first.length === 1 ? first[0] : Buffer.concat(first)));
  if (useGzip) {
    yield* gunzip(first, it);
    return;
  }
  yield* first;
  if (done) return;
  for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
}

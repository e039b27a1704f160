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

/** The peeked chunks, then the rest; stopping early closes the input. */
async function* replay(first: Buffer[], rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* first;
    for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
  } finally {
    await rest.return(undefined);
  }
}

async function* gunzip(bytes: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  const inflate = createGunzip();
  // Errors (corrupt or truncated gzip, input errors) surface through the iteration below.
  pipeline(Readable.from(bytes), inflate, () => {});
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
  const it = asBuffers(input);
  const first: Buffer[] = [];
  let firstBytes = 0;
  while (gzip === undefined && firstBytes < 2) {
    const r = await it.next();
    if (r.done) break;
    first.push(r.value);
    firstBytes += r.value.length;
  }
  const bytes = replay(first, it);
  const useGzip = gzip ?? (firstBytes >= 2 && hasGzipMagic(first.length === 1 ? first[0] : Buffer.concat(first)));
  yield* useGzip ? gunzip(bytes) : bytes;
}

import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { createZodValidationPipe } from 'nestjs-zod';
import type { ZodError } from 'zod';

/** One readable line per problem, naming the field: `period: must look like 2026-10, 2026-Q4 or 2026`. */
export function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`).join('; ');
}

const ZodPipe = createZodValidationPipe({
  createValidationException: (error: unknown) => new BadRequestException(describeZodError(error as ZodError)),
});

/** Where a NUL character hides in a parsed parameter, query or JSON body (PostgreSQL text cannot hold one). */
function nulAt(value: unknown, path: string[], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? (path.length ? path.join('.') : 'body') : null;
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replace(/\u0000/g, '\\0')].join('.');
    const found = nulAt(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The DTO schemas (zod), after refusing NUL characters, which no field of the API accepts. */
@Injectable()
export class ValidationPipe implements PipeTransform {
  private readonly zod = new ZodPipe();

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const where = nulAt(value, []);
      if (where) throw new BadRequestException(`${where}: must not contain a NUL character`);
    }
    return this.zod.transform(value, metadata);
  }
}

import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { createZodValidationPipe } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { REASON_TEXTS, type InputProblem, type MessageCode, type MessageParams } from '@app/contracts';
import { badRequest, invalidInput } from './user-error';

/** One readable line per problem, naming the field: `period: must look like 2026-10, 2026-Q4 or 2026`. */
export function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`).join('; ');
}

type Issue = ZodError['issues'][number];
const YEARS = /^must be in the years (\d+) to (\d+)$/;

/** Why a field was refused, as a message code: the schemas' own texts first, else zod's kind of problem. */
function reasonOf(issue: Issue): { code: MessageCode; params?: MessageParams } {
  const known = REASON_TEXTS[issue.message];
  if (known) return { code: known };
  const years = YEARS.exec(issue.message);
  if (years) return { code: 'reason.years', params: { from: years[1], to: years[2] } };
  const i = issue as Issue & {
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    values?: unknown[];
    keys?: string[];
    expected?: string;
    input?: unknown;
  };
  switch (issue.code) {
    case 'invalid_type':
      return i.input === undefined ? { code: 'reason.required' } : { code: 'reason.type', params: { expected: String(i.expected) } };
    case 'too_small':
      return {
        code: i.origin === 'string' ? 'reason.minLength' : i.origin === 'array' ? 'reason.minItems' : 'reason.min',
        params: { minimum: Number(i.minimum) },
      };
    case 'too_big':
      return {
        code: i.origin === 'string' ? 'reason.maxLength' : i.origin === 'array' ? 'reason.maxItems' : 'reason.max',
        params: { maximum: Number(i.maximum) },
      };
    case 'invalid_value':
      return { code: 'reason.oneOf', params: { values: (i.values ?? []).map(String).join(', ') } };
    case 'invalid_format':
      return { code: 'reason.format' };
    case 'unrecognized_keys':
      return { code: 'reason.unknownKeys', params: { keys: (i.keys ?? []).join(', ') } };
    default:
      return { code: 'reason.text', params: { text: issue.message } };
  }
}

/** Each problem of the request, naming its field, as codes the dashboard renders in the user's language. */
export function zodProblems(error: ZodError): InputProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.length ? issue.path.join('.') : 'body', ...reasonOf(issue) }));
}

const ZodPipe = createZodValidationPipe({
  createValidationException: (error: unknown) => invalidInput(describeZodError(error as ZodError), zodProblems(error as ZodError)),
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
      if (where) throw badRequest('input.nul', { field: where });
    }
    return this.zod.transform(value, metadata);
  }
}

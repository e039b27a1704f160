import { BadRequestException } from '@nestjs/common';
import { createZodValidationPipe } from 'nestjs-zod';
import type { ZodError } from 'zod';

/** One readable line per problem, naming the field: `period: must look like 2026-10, 2026-Q4 or 2026`. */
export function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`).join('; ');
}

export const ValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) => new BadRequestException(describeZodError(error as ZodError)),
});

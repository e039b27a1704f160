import { BadRequestException, ConflictException, ForbiddenException, NotFoundException, UnauthorizedException, type HttpException } from '@nestjs/common';
import { matchMessage, renderMessage, type InputProblem, type MessageCode, type MessageParams } from '@app/contracts';

type ExceptionClass = new (body: object) => HttpException;

/** A refusal a user reads: its code and parameters, and the English text for API clients (HttpErrorFilter passes all three on). */
function userError(Exception: ExceptionClass, code: MessageCode, params?: MessageParams, extra: object = {}): HttpException {
  return new Exception({ message: renderMessage(code, params, 'en'), code, params, ...extra });
}

export const badRequest = (code: MessageCode, params?: MessageParams) => userError(BadRequestException, code, params);
export const notFound = (code: MessageCode, params?: MessageParams) => userError(NotFoundException, code, params);
export const conflict = (code: MessageCode, params?: MessageParams) => userError(ConflictException, code, params);
export const forbidden = (code: MessageCode, params?: MessageParams) => userError(ForbiddenException, code, params);
export const unauthorized = (code: MessageCode, params?: MessageParams) => userError(UnauthorizedException, code, params);

/** A 400 for a reason written from the catalogue's English (a parser's message): its code and parameters are read back from it. */
export function refusedText(message: string, prefix: string): HttpException {
  const known = matchMessage(message, prefix);
  return new BadRequestException(known ? { message, ...known } : message);
}

/** input.invalid with each field's problem; `message` keeps the English lines API clients already read. */
export function invalidInput(message: string, problems: InputProblem[]): HttpException {
  return new BadRequestException({ message, code: 'input.invalid', problems });
}

/** A field's problem from a reason written from the catalogue's English (a parser's or a rule's text), its code read back. */
export function problemFromText(field: string, reasonText: string, prefix: string): InputProblem {
  const known = matchMessage(reasonText, prefix);
  return known ? { field, ...known } : { field, code: 'reason.text', params: { text: reasonText } };
}

/** input.invalid for one field whose reason is such a text. */
export function fieldRefused(field: string, reasonText: string, prefix: string): HttpException {
  return invalidInput(`${field}: ${reasonText}`, [problemFromText(field, reasonText, prefix)]);
}

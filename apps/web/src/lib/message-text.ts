import { isMessageCode, renderMessage, type MessageLocale } from '@app/contracts';

/** A coded message (messages.ts) in the user's language; the text as the server wrote it when the code is unknown. */
export function messageText(
  message: { code: string; params?: Record<string, string | number> } | null | undefined,
  fallback: string,
  language: string,
): string {
  const locale: MessageLocale = language === 'en' ? 'en' : 'zh';
  return message && isMessageCode(message.code) ? renderMessage(message.code, message.params, locale) : fallback;
}

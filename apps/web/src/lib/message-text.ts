import { isMessageCode, renderMessage, type MessageLocale } from '@app/contracts';

/** The catalogue's locale for the dashboard's language. */
export function messageLocale(language: string): MessageLocale {
  return language === 'en' ? 'en' : 'zh';
}

/** A coded message (messages.ts) in the user's language; the text as the server wrote it when the code is unknown. */
export function messageText(
  message: { code: string; params?: Record<string, string | number> } | null | undefined,
  fallback: string,
  language: string,
): string {
  return message && isMessageCode(message.code) ? renderMessage(message.code, message.params, messageLocale(language)) : fallback;
}

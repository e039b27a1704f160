import { createHmac } from 'node:crypto';

/** DingTalk custom robot: `timestamp` (ms) and `sign` = URL-encoded base64 HMAC-SHA256, keyed by the secret, of "timestamp\nsecret". */
export function dingtalkSignedUrl(target: string, secret: string, nowMs: number): string {
  const timestamp = String(nowMs);
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  return `${target}${target.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

/** Feishu custom bot: `timestamp` (s) and `sign` = base64 HMAC-SHA256 keyed by "timestamp\nsecret" over an empty message, in the body. */
export function feishuSignature(secret: string, nowMs: number): { timestamp: string; sign: string } {
  const timestamp = String(Math.floor(nowMs / 1000));
  return { timestamp, sign: createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64') };
}

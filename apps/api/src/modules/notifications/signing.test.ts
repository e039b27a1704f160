import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dingtalkSignedUrl, feishuSignature } from './signing';

describe('robot signatures', () => {
  const now = Date.UTC(2026, 9, 29, 2, 0, 0, 123);

  it('DingTalk: millisecond timestamp and the URL-encoded signature over "timestamp\\nsecret" keyed by the secret', () => {
    const url = new URL(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECxyz', now));
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe(String(now));
    const expected = createHmac('sha256', 'SECxyz').update(`${now}\nSECxyz`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(dingtalkSignedUrl('http://h/x', 's', now)).toMatch(/^http:\/\/h\/x\?timestamp=/);
  });

  it('Feishu: second timestamp, HMAC keyed by "timestamp\\nsecret" over an empty message', () => {
    const s = feishuSignature('fsecret', now);
    expect(s.timestamp).toBe(String(Math.floor(now / 1000)));
    expect(s.sign).toBe(createHmac('sha256', `${s.timestamp}\nfsecret`).update(Buffer.alloc(0)).digest('base64'));
  });
});

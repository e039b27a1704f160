import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  it('round-trips, never stores the plain text, and differs on every seal', () => {
    const box = new SecretBox('k'.repeat(40));
    const a = box.seal('SEC-robot-secret');
    const b = box.seal('SEC-robot-secret');
    expect(a).not.toContain('SEC-robot-secret');
    expect(a).not.toBe(b);
    expect(box.open(a)).toBe('SEC-robot-secret');
  });

  it('rejects another key and a tampered text', () => {
    const sealed = new SecretBox('key-one-'.repeat(5)).seal('secret');
    expect(() => new SecretBox('key-two-'.repeat(5)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => new SecretBox('key-one-'.repeat(5)).open(parts.join('.'))).toThrow();
  });
});

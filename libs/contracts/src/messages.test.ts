import { describe, expect, it } from 'vitest';
import { matchMessage, MESSAGES, renderMessage, type MessageCode } from './messages';

describe('the message catalogue', () => {
  it('has Chinese in every Chinese template and none in the English ones', () => {
    for (const [code, text] of Object.entries(MESSAGES)) {
      if (code === 'reason.text' || code === 'input.problem' || code === 'line.notExpected') continue;
      expect(text.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en, code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reads the code and parameters back from the stored English of a quarantine reason', () => {
    const cases: [string, MessageCode, Record<string, string>][] = [
      ['unknown department "XYZ"', 'line.unknownDept', { value: '"XYZ"' }],
      ['unknown department "XYZ" in field "consumer"', 'line.unknownDeptIn', { value: '"XYZ"', field: 'consumer' }],
      [
        'field "latency_ms" must be a number from 0 to 86400000 (one day), not 1e308',
        'line.notLatency',
        { field: 'latency_ms', max: '86400000', value: '1e308' },
      ],
      ['missing field "at"', 'line.missing', { field: 'at' }],
      ['id "e-1" already stored with different content', 'line.conflict', { id: 'e-1' }],
      ['invalid JSON', 'line.invalidJson', {}],
    ];
    for (const [text, code, params] of cases) {
      const found = matchMessage(text, 'line.');
      expect(found, text).toEqual({ code, params });
      expect(renderMessage(code, params, 'en')).toBe(text);
      expect(renderMessage(code, params, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(matchMessage('something nobody wrote', 'line.')).toBeNull();
  });
});

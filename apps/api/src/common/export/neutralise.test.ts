import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv';
import { neutraliseCell, neutraliseValue } from './neutralise';

describe('neutraliseCell', () => {
  it('prefixes a single quote to text that a spreadsheet could run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutraliseCell(`${start}cmd|' /C calc'!A0`)).toBe(`'${start}cmd|' /C calc'!A0`);
    }
    expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseCell('-')).toBe("'-");
  });

  it('leaves other text alone', () => {
    for (const text of ['市公安局', 'PSB', '2026-10', '96.30', '', ' =x', "'quoted", 'a=b', '\n=x']) expect(neutraliseCell(text)).toBe(text);
  });

  it('keeps numbers and empty cells as they are', () => {
    expect(neutraliseValue(-3)).toBe(-3);
    expect(neutraliseValue(null)).toBeNull();
    expect(neutraliseValue('+1')).toBe("'+1");
  });
});

describe('CSV fields', () => {
  it('neutralises, then quotes what needs quoting', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('市公安局')).toBe('市公安局');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(-2)).toBe('-2');
    expect(csvField(null)).toBe('');
    expect(csvLine(['PSB', 96.3, null, '\tx'])).toBe("PSB,96.3,,'\tx");
  });
});

import { describe, expect, it } from 'vitest';
import { asciiFallback, contentDisposition, encodeRfc5987, safeFilename } from './content-disposition';

describe('Content-Disposition for Chinese file names', () => {
  it('encodes the UTF-8 name per RFC 5987 and gives an ASCII fallback', () => {
    const header = contentDisposition('本市数据共享绩效考核_2026-10.xlsx');
    expect(header).toBe(`attachment; filename="2026-10.xlsx"; filename*=UTF-8''${encodeURIComponent('本市数据共享绩效考核_2026-10.xlsx')}`);
    // The header itself is plain ASCII, as HTTP requires.
    expect(/^[\x20-\x7e]*$/.test(header)).toBe(true);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1];
    expect(decodeURIComponent(encoded)).toBe('本市数据共享绩效考核_2026-10.xlsx');
  });

  it("percent-encodes the characters RFC 5987 does not allow bare: ' ( ) *", () => {
    expect(encodeRfc5987("市民政局(CAB)'s *.pdf")).toBe(`${encodeURIComponent('市民政局')}%28CAB%29%27s%20%2A.pdf`);
  });

  it('drops path separators, quotes and control characters from the name', () => {
    expect(safeFilename('../a/b\\c:"d"\r\n<e>|f?.csv')).toBe('_a_b_c_d_e_f_.csv');
    expect(safeFilename('')).toBe('report');
    const header = contentDisposition('报告"; filename=evil.exe');
    expect(header).not.toContain('"; filename=evil');
    expect(header.match(/filename="/g)).toHaveLength(1);
  });

  it('keeps the extension in the ASCII fallback', () => {
    expect(asciiFallback('某市报告_2026-Q4_暂定.pdf')).toBe('2026-Q4.pdf');
    expect(asciiFallback('报告.zip')).toBe('report.zip');
    expect(asciiFallback('PSB_市公安局.pdf')).toBe('PSB.pdf');
  });
});

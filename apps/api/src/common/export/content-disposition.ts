/**
 * Content-Disposition for a download whose name is Chinese (RFC 6266 with the
 * RFC 5987 `filename*` parameter): an ASCII fallback for old clients and the
 * UTF-8 name, percent-encoded, for every browser since IE 9.
 */

/** Characters a file name must not carry on any desktop: path separators, reserved and control characters. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** A file name safe on Windows, macOS and Linux, keeping Chinese characters. */
export function safeFilename(name: string): string {
  const cleaned = name
    .replace(UNSAFE_IN_NAME, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  return cleaned.slice(0, 150) || 'report';
}

/** RFC 5987 ext-value of a UTF-8 string: attr-char kept, everything else %XX. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The ASCII fallback: non-ASCII runs become `_`, quotes and backslashes are dropped. */
export function asciiFallback(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const stem = (dot > 0 ? name.slice(0, dot) : name)
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["\\;%]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_\s]+|[_\s]+$/g, '');
  return `${stem || 'report'}${ext}`;
}

export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = safeFilename(filename);
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

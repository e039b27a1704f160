import { existsSync, readFileSync } from 'node:fs';
import subsetFont from 'subset-font';

/**
 * The Chinese font the PDF embeds: Noto Sans SC (SIL Open Font License),
 * taken from the system's font package (Debian `fonts-noto-cjk`, installed
 * on the developers' machines and in CI) and cut down at run time to the
 * characters a report uses, so no multi-megabyte font lives in git and a
 * bulletin embeds tens of kilobytes of font, not twenty megabytes.
 */
const SEARCH: Record<'regular' | 'bold', string[]> = {
  regular: [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto/NotoSansSC-Regular.otf',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc',
  ],
  bold: [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
    '/usr/share/fonts/opentype/noto/NotoSansSC-Bold.otf',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc',
    '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Bold.ttc',
  ],
};

export class FontUnavailableError extends Error {}

function findFontFile(weight: 'regular' | 'bold'): string | null {
  return SEARCH[weight].find((path) => existsSync(path)) ?? null;
}

/** The family names (name IDs 1 and 16, Windows Unicode) of the font whose offset table starts at `offset`. */
function familyNames(buf: Buffer, offset: number): string[] {
  const numTables = buf.readUInt16BE(offset + 4);
  for (let t = 0; t < numTables; t++) {
    const rec = offset + 12 + 16 * t;
    if (buf.toString('latin1', rec, rec + 4) !== 'name') continue;
    const table = buf.readUInt32BE(rec + 8);
    const count = buf.readUInt16BE(table + 2);
    const strings = table + buf.readUInt16BE(table + 4);
    const names: string[] = [];
    for (let k = 0; k < count; k++) {
      const r = table + 6 + 12 * k;
      const [platform, encoding, nameId] = [buf.readUInt16BE(r), buf.readUInt16BE(r + 2), buf.readUInt16BE(r + 6)];
      if (platform !== 3 || encoding !== 1 || (nameId !== 1 && nameId !== 16)) continue;
      const start = strings + buf.readUInt16BE(r + 10);
      names.push(
        Buffer.from(buf.subarray(start, start + buf.readUInt16BE(r + 8)))
          .swap16()
          .toString('utf16le'),
      );
    }
    return names;
  }
  return [];
}

/**
 * One face of a TrueType/OpenType collection (.ttc) as a stand-alone font:
 * the face's table directory with its tables copied after it (the collection
 * shares tables between faces, a single font cannot).
 */
export function extractFace(ttc: Buffer, index: number): Buffer {
  const offset = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(offset + 4);
  const tables = Array.from({ length: numTables }, (_, t) => {
    const rec = offset + 12 + 16 * t;
    return { rec, start: ttc.readUInt32BE(rec + 8), length: ttc.readUInt32BE(rec + 12) };
  });
  const headerLength = 12 + 16 * numTables;
  const out = Buffer.alloc(tables.reduce((n, t) => n + ((t.length + 3) & ~3), headerLength));
  ttc.copy(out, 0, offset, offset + 12);
  let position = headerLength;
  tables.forEach((t, i) => {
    const rec = 12 + 16 * i;
    ttc.copy(out, rec, t.rec, t.rec + 8); // tag and checksum
    out.writeUInt32BE(position, rec + 8);
    out.writeUInt32BE(t.length, rec + 12);
    ttc.copy(out, position, t.start, t.start + t.length);
    position += (t.length + 3) & ~3;
  });
  return out;
}

/** The Simplified Chinese face of a Noto Sans CJK collection, or the font itself when it is not a collection. */
export function simplifiedChineseFace(file: Buffer): Buffer {
  if (file.toString('latin1', 0, 4) !== 'ttcf') return file;
  const faces = file.readUInt32BE(8);
  let chosen = -1;
  for (let i = 0; i < faces && chosen < 0; i++) {
    const names = familyNames(file, file.readUInt32BE(12 + 4 * i));
    if (names.some((n) => /CJK SC\b/.test(n) && !/Mono/.test(n))) chosen = i;
  }
  if (chosen < 0) throw new FontUnavailableError('the Noto Sans CJK collection has no Simplified Chinese (SC) face');
  return extractFace(file, chosen);
}

export interface FontSubsets {
  regular: Buffer;
  bold: Buffer;
}

/** Noto Sans SC regular and bold cut down to `text`'s characters (plus ASCII, so digits and Latin always render). */
export async function subsetChineseFonts(text: string): Promise<FontSubsets> {
  const regularFile = findFontFile('regular');
  if (!regularFile) {
    throw new FontUnavailableError(`no Noto Sans CJK font found (looked in ${SEARCH.regular.join(', ')}); install the Debian package fonts-noto-cjk`);
  }
  const boldFile = findFontFile('bold') ?? regularFile;
  let ascii = '';
  for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
  const chars = [...new Set(ascii + text.replace(/[\u0000-\u001f]/g, ''))].join('');
  const regular = await subsetFont(simplifiedChineseFace(readFileSync(regularFile)), chars, { targetFormat: 'sfnt' });
  const bold = boldFile === regularFile ? regular : await subsetFont(simplifiedChineseFace(readFileSync(boldFile)), chars, { targetFormat: 'sfnt' });
  return { regular, bold };
}

import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { runInWorker } from '../../common/worker-thread';

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

/** Reads `length` bytes at `offset` of a font file. */
type ReadAt = (offset: number, length: number) => Buffer;

/** The family names (name IDs 1 and 16, Windows Unicode) of the font whose offset table starts at `offset`. */
function familyNames(read: ReadAt, offset: number): string[] {
  const numTables = read(offset + 4, 2).readUInt16BE(0);
  const directory = read(offset + 12, 16 * numTables);
  for (let t = 0; t < numTables; t++) {
    if (directory.toString('latin1', 16 * t, 16 * t + 4) !== 'name') continue;
    const table = read(directory.readUInt32BE(16 * t + 8), directory.readUInt32BE(16 * t + 12));
    const count = table.readUInt16BE(2);
    const strings = table.readUInt16BE(4);
    const names: string[] = [];
    for (let k = 0; k < count; k++) {
      const r = 6 + 12 * k;
      const [platform, encoding, nameId] = [table.readUInt16BE(r), table.readUInt16BE(r + 2), table.readUInt16BE(r + 6)];
      if (platform !== 3 || encoding !== 1 || (nameId !== 1 && nameId !== 16)) continue;
      const start = strings + table.readUInt16BE(r + 10);
      names.push(
        Buffer.from(table.subarray(start, start + table.readUInt16BE(r + 8)))
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
function extractFace(read: ReadAt, offset: number): Buffer {
  const header = read(offset, 12);
  const numTables = header.readUInt16BE(4);
  const directory = read(offset + 12, 16 * numTables);
  const tables = Array.from({ length: numTables }, (_, t) => ({ start: directory.readUInt32BE(16 * t + 8), length: directory.readUInt32BE(16 * t + 12) }));
  const headerLength = 12 + 16 * numTables;
  const out = Buffer.alloc(tables.reduce((n, t) => n + ((t.length + 3) & ~3), headerLength));
  header.copy(out, 0);
  let position = headerLength;
  tables.forEach((t, i) => {
    const rec = 12 + 16 * i;
    directory.copy(out, rec, 16 * i, 16 * i + 8); // tag and checksum
    out.writeUInt32BE(position, rec + 8);
    out.writeUInt32BE(t.length, rec + 12);
    read(t.start, t.length).copy(out, position);
    position += (t.length + 3) & ~3;
  });
  return out;
}

/**
 * The Simplified Chinese face of a Noto Sans CJK collection, or the font itself
 * when it is not a collection. Only that face's tables are read: a collection
 * holds ten faces in 20 MB, and the whole file in memory would be garbage at once.
 */
function readSimplifiedChineseFace(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const read: ReadAt = (offset, length) => {
      const buf = Buffer.alloc(length);
      if (readSync(fd, buf, 0, length, offset) !== length) throw new FontUnavailableError(`${path} ends before byte ${offset + length}`);
      return buf;
    };
    const head = read(0, 12);
    if (head.toString('latin1', 0, 4) !== 'ttcf') return readFileSync(path);
    const faces = head.readUInt32BE(8);
    const offsets = read(12, 4 * faces);
    for (let i = 0; i < faces; i++) {
      const names = familyNames(read, offsets.readUInt32BE(4 * i));
      if (names.some((n) => /CJK SC\b/.test(n) && !/Mono/.test(n))) return extractFace(read, offsets.readUInt32BE(4 * i));
    }
    throw new FontUnavailableError(`the Noto Sans CJK collection ${path} has no Simplified Chinese (SC) face`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Only the glyphs the characters map to: without the layout closure harfbuzz
 * does not follow every substitution of the CJK collection's layout tables
 * (vertical, traditional and other regional forms the reports never draw),
 * which cost it tens of megabytes and tripled the subset's size.
 */
const SUBSET_OPTIONS = { targetFormat: 'sfnt', noLayoutClosure: true } as const;

/** The subsets' font files (Buffers here; plain bytes once they have crossed from a worker). */
export interface FontSubsets {
  regular: Uint8Array;
  bold: Uint8Array;
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
  const regular = await subsetFont(readSimplifiedChineseFace(regularFile), chars, SUBSET_OPTIONS);
  const bold = boldFile === regularFile ? regular : await subsetFont(readSimplifiedChineseFace(boldFile), chars, SUBSET_OPTIONS);
  return { regular, bold };
}

/**
 * subsetChineseFonts in a worker thread of its own: harfbuzz's WebAssembly
 * memory, grown to hold a 16 MB face, and the faces themselves are given back
 * when it exits, before the documents are laid out.
 */
export async function subsetChineseFontsInWorker(text: string): Promise<FontSubsets> {
  let subsets: FontSubsets | null = null;
  await runInWorker<FontSubsets>(join(__dirname, 'cjk-font.worker'), text, (message) => (subsets = message));
  if (!subsets) throw new Error('the font worker ended without the font subsets');
  return subsets;
}

import PdfPrinter, { type VirtualFs } from 'pdfmake/js/Printer';
import URLResolver from 'pdfmake/js/URLResolver';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subsetChineseFontsInWorker, type FontSubsets } from './cjk-font';

/** The family name documents use; it maps to the Noto Sans SC subset. */
export const PDF_FONT = 'NotoSansSC';

export interface PdfDocument {
  /** A pdfmake document definition (header/footer may be functions). */
  definition: Record<string, unknown>;
  /** Text the definition produces at layout time (headers, footers, page numbers), so the font subset covers it. */
  dynamicText: string;
}

/** A virtual file system with nothing in it: fonts come from files we write, nothing is fetched. */
const EMPTY_VFS: VirtualFs = {
  existsSync: () => false,
  readFileSync: (name: string) => {
    throw new Error(`no virtual file ${name}`);
  },
  writeFileSync: () => {
    throw new Error('reports never download resources');
  },
};

/** Every character the documents can draw: their text, the SVG charts' labels and the dynamic text. */
export function documentText(docs: readonly PdfDocument[]): string {
  const parts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const doc of docs) {
    walk(doc.definition);
    parts.push(doc.dynamicText);
  }
  // Entities in SVG text (ECharts escapes & < > " ') decode to characters already in ASCII.
  return parts.join('');
}

/**
 * Renders pdfmake documents with one embedded Chinese font subset (cut once
 * for all of them). PDFKit embeds only the glyphs each document draws, from
 * the subset.
 */
export async function renderPdfs(docs: readonly PdfDocument[]): Promise<Buffer[]> {
  const build = (i: number) => docs[i];
  const fonts = await subsetChineseFontsInWorker(documentCharacters(docs.length, build));
  const out: Buffer[] = [];
  await renderWithFonts(docs.length, build, fonts, (_i, pdf) => out.push(pdf));
  return out;
}

/** Every character `count` documents built by `build` can draw, each once: what their font subset needs. */
export function documentCharacters(count: number, build: (index: number) => PdfDocument): string {
  const chars = new Set<string>();
  for (let i = 0; i < count; i++) for (const ch of documentText([build(i)])) chars.add(ch);
  return [...chars].join('');
}

/**
 * Renders `count` documents that `build` makes on demand with the given font
 * subsets, handing each PDF to `emit` as it is done: one definition and its
 * layout are alive at a time, however many departments.
 */
export async function renderWithFonts(
  count: number,
  build: (index: number) => PdfDocument,
  fonts: FontSubsets,
  emit: (index: number, pdf: Buffer) => void,
): Promise<void> {
  if (count === 0) return;
  const dir = await mkdtemp(join(tmpdir(), 'report-font-'));
  try {
    const regular = join(dir, 'NotoSansSC-Regular-subset.otf');
    const bold = join(dir, 'NotoSansSC-Bold-subset.otf');
    await writeFile(regular, fonts.regular);
    await writeFile(bold, fonts.bold);
    const allowed = new Set([regular, bold]);
    const descriptors = { [PDF_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } };
    for (let i = 0; i < count; i++) {
      const resolver = new URLResolver(EMPTY_VFS);
      resolver.setUrlAccessPolicy(() => false);
      const printer = new PdfPrinter(descriptors, EMPTY_VFS, resolver, (path) => allowed.has(path));
      const pdfKit = await printer.createPdfKitDocument(copyDefinition(build(i).definition));
      emit(i, await collect(pdfKit));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pdfmake writes into the definition while laying it out: give it a copy (functions kept). */
function copyDefinition(definition: Record<string, unknown>): Record<string, unknown> {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
    }
    return value;
  };
  return copy(definition) as Record<string, unknown>;
}

function collect(stream: NodeJS.ReadableStream & { end(): void }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.end();
  });
}

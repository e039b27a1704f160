import { join } from 'node:path';
import { runInWorker } from '../../common/worker-thread';
import { subsetChineseFontsInWorker } from './cjk-font';
import type { PdfWorkerInput, PdfWorkerMessage } from './pdf-render.worker';
import type { ReportModel } from './report-model';

/**
 * Where the worker's own heap may grow before it collects. Rendering allocates
 * fast and V8 would otherwise let the heap grow far past what is alive.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 };

const ENTRY = join(__dirname, 'pdf-render.worker');

/**
 * Renders report PDFs off the server's heap, in three worker threads one after
 * the other: one lays the documents out for the characters they draw, one cuts
 * the font subsets for them (harfbuzz grows its memory to hold a 16 MB face),
 * one renders. Each gives its memory back when it exits, so the server's
 * process holds at most one of them at a time, and nothing after the export.
 */
export async function renderReportPdfs(models: readonly ReportModel[]): Promise<Buffer[]> {
  if (models.length === 0) return [];
  let characters = '';
  await runInWorker<PdfWorkerMessage>(ENTRY, { models, fonts: null } satisfies PdfWorkerInput, (message) => {
    if ('characters' in message) characters = message.characters;
  });
  const fonts = await subsetChineseFontsInWorker(characters);
  const pdfs = new Array<Buffer>(models.length);
  let received = 0;
  await runInWorker<PdfWorkerMessage>(
    ENTRY,
    { models, fonts } satisfies PdfWorkerInput,
    (message) => {
      if (!('index' in message)) return;
      pdfs[message.index] = Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength);
      received++;
    },
    WORKER_LIMITS,
  );
  if (received !== models.length) throw new Error(`the PDF worker ended after ${received} of ${models.length} reports`);
  return pdfs;
}

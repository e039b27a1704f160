import { parentPort, workerData } from 'node:worker_threads';
import type { FontSubsets } from './cjk-font';
import { buildPdfDocument } from './pdf-report';
import { documentCharacters, renderWithFonts } from './pdf-render';
import type { ReportModel } from './report-model';

/**
 * The worker side of renderReportPdfs (pdf-worker.ts). Without fonts it posts
 * the characters the models' documents draw; with them it renders each
 * document and posts its PDF.
 */
export interface PdfWorkerInput {
  models: readonly ReportModel[];
  fonts: FontSubsets | null;
}

export type PdfWorkerMessage = { characters: string } | { index: number; pdf: Uint8Array };

const { models, fonts } = (workerData as { data: PdfWorkerInput }).data;
const build = (i: number) => buildPdfDocument(models[i]);

async function run(): Promise<void> {
  if (!fonts) {
    parentPort!.postMessage({ characters: documentCharacters(models.length, build) } satisfies PdfWorkerMessage);
    return;
  }
  await renderWithFonts(models.length, build, { regular: Buffer.from(fonts.regular), bold: Buffer.from(fonts.bold) }, (index, pdf) => {
    // A copy of its own, so the transfer hands over exactly this PDF's bytes.
    const bytes = new Uint8Array(pdf);
    parentPort!.postMessage({ index, pdf: bytes } satisfies PdfWorkerMessage, [bytes.buffer]);
  });
}

void run().catch((error: unknown) => {
  // Thrown from here, it reaches the parent's 'error' listener with its message.
  setImmediate(() => {
    throw error;
  });
});

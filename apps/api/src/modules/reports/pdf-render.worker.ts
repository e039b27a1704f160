import { parentPort } from 'node:worker_threads';
import { runWorkerMain } from '../../common/worker-thread';
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

const post = (message: PdfWorkerMessage) => parentPort!.postMessage(message);

runWorkerMain(async ({ models, fonts }: PdfWorkerInput) => {
  const build = (i: number) => buildPdfDocument(models[i]);
  if (!fonts) post({ characters: documentCharacters(models.length, build) });
  else await renderWithFonts(models.length, build, fonts, (index, pdf) => post({ index, pdf }));
});

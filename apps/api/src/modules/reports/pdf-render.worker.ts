import { parentPort, workerData } from 'node:worker_threads';
import { buildPdfDocument } from './pdf-report';
import { renderPdfSeries } from './pdf-render';
import type { ReportModel } from './report-model';

/** The worker side of renderReportPdfs (pdf-worker.ts): renders the models it was given and posts each PDF back. */
export interface RenderedPdfMessage {
  index: number;
  pdf: Uint8Array;
}

const models = (workerData as { models: ReportModel[] }).models;
void renderPdfSeries(
  models.length,
  (i) => buildPdfDocument(models[i]),
  (index, pdf) => {
    // A copy of its own, so the transfer hands over exactly this PDF's bytes.
    const bytes = new Uint8Array(pdf);
    parentPort!.postMessage({ index, pdf: bytes } satisfies RenderedPdfMessage, [bytes.buffer]);
  },
).catch((error: unknown) => {
  // Thrown from here, it reaches the parent's 'error' listener with its message.
  setImmediate(() => {
    throw error;
  });
});

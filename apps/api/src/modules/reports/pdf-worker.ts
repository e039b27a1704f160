import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RenderedPdfMessage } from './pdf-render.worker';
import type { ReportModel } from './report-model';

/**
 * Where the worker's own heap may grow before it collects. Rendering allocates
 * fast and V8 would otherwise let the heap grow far past what is alive.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 };

/**
 * The compiled build runs the worker's JavaScript as it is. The sources (tests,
 * `npm run dev:api`) are compiled on the fly by TypeScript's own transpiler:
 * swc's native binding, loaded in a second worker of a process, hangs it.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts')) {
  const ts = require('typescript');
  const { readFileSync } = require('node:fs');
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, inlineSourceMap: true };
  require.extensions['.ts'] = (module, fileName) =>
    module._compile(ts.transpileModule(readFileSync(fileName, 'utf8'), { fileName, compilerOptions }).outputText, fileName);
}
require(workerData.entry);
`;

/**
 * Renders report PDFs in a worker thread: the font subsetting's WebAssembly
 * memory, the font files and the layout's garbage live in the worker's heap
 * and are returned to the system when it exits, instead of staying in the
 * server's process after the export.
 */
export function renderReportPdfs(models: readonly ReportModel[]): Promise<Buffer[]> {
  if (models.length === 0) return Promise.resolve([]);
  const entry = join(__dirname, `pdf-render.worker${extname(__filename)}`);
  return new Promise((resolve, reject) => {
    const pdfs = new Array<Buffer>(models.length);
    let received = 0;
    let failure: Error | null = null;
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { entry, models }, resourceLimits: WORKER_LIMITS });
    worker.on('message', (message: RenderedPdfMessage) => {
      pdfs[message.index] = Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength);
      received++;
    });
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      if (failure) reject(failure);
      else if (code !== 0 || received !== models.length) reject(new Error(`the PDF worker stopped (exit code ${code}) before every report was rendered`));
      else resolve(pdfs);
    });
  });
}

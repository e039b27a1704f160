import { extname } from 'node:path';
import { Worker, workerData, type ResourceLimits } from 'node:worker_threads';

/**
 * The compiled build runs a worker's JavaScript as it is. The sources (tests,
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
 * Runs `entry` (an absolute module path without its extension, whose body is
 * runWorkerMain) in a worker thread with `data` as its input, handing each
 * message it posts to `onMessage`; settles when the worker has exited. Work
 * that needs much memory only while it runs (font subsetting, PDF layout)
 * gives it all back to the system when the worker exits.
 */
export function runInWorker<M>(entry: string, data: unknown, onMessage: (message: M) => void, resourceLimits?: ResourceLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: Error | null = null;
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { entry: `${entry}${extname(__filename)}`, data }, resourceLimits });
    worker.on('message', (message: M) => {
      try {
        onMessage(message);
      } catch (error) {
        failure = error as Error;
        void worker.terminate();
      }
    });
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      if (failure) reject(failure);
      else if (code !== 0) reject(new Error(`the worker ${entry} stopped with exit code ${code}`));
      else resolve();
    });
  });
}

/** The body of a worker started by runInWorker: runs `main` on its input; a failure reaches runInWorker's caller. */
export function runWorkerMain<T>(main: (data: T) => Promise<void>): void {
  void main((workerData as { data: T }).data).catch((error: unknown) => {
    // Thrown outside the promise, it ends the worker and reaches the parent's 'error' listener with its message.
    setImmediate(() => {
      throw error;
    });
  });
}

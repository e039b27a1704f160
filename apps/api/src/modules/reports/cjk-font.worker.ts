import { parentPort, workerData } from 'node:worker_threads';
import { subsetChineseFonts } from './cjk-font';

/** The worker side of subsetChineseFontsInWorker (cjk-font.ts). */
export interface FontSubsetsMessage {
  regular: Uint8Array;
  bold: Uint8Array;
}

void subsetChineseFonts((workerData as { data: string }).data)
  .then(({ regular, bold }) => {
    const copies = { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
    parentPort!.postMessage(copies satisfies FontSubsetsMessage, [copies.regular.buffer, copies.bold.buffer]);
  })
  .catch((error: unknown) => {
    // Thrown from here, it reaches the parent's 'error' listener with its message.
    setImmediate(() => {
      throw error;
    });
  });

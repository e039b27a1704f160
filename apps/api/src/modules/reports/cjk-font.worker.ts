import { parentPort } from 'node:worker_threads';
import { runWorkerMain } from '../../common/worker-thread';
import { subsetChineseFonts } from './cjk-font';

/** The worker side of subsetChineseFontsInWorker (cjk-font.ts): posts the subsets for the text it was given. */
runWorkerMain(async (text: string) => parentPort!.postMessage(await subsetChineseFonts(text)));

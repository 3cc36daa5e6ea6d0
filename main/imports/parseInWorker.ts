import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ImportParser } from '../seedFiles/importParser';
import type { FoundMessage, ParseMessage, ParseRequest } from './parseWorker';

export type { ImportParser } from '../seedFiles/importParser';

/** Characters of base64 per message to the worker: about 1 MiB, a few milliseconds to copy. */
const CHUNK = 1 << 20;

/**
 * Sources (tests, the demo tools) run the TypeScript entry through tsx, registered inside the worker first, as the
 * main thread's runner does; the built app runs out/main/parseWorker.js as it is.
 */
function start(entry: URL, request: ParseRequest): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: request });
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: request });
}

async function send(worker: Worker, text: string): Promise<void> {
  for (let i = 0; i < text.length; i += CHUNK) {
    worker.postMessage(text.slice(i, i + CHUNK));
    await setImmediate();
  }
}

/**
 * One worker per file: parsed and sorted off the event loop, so the window stays responsive during a 32 MiB
 * import. The main thread only sends the file, answers the worker's store lookups and takes the packed result.
 */
export const workerParser =
  (entry: URL): ImportParser =>
  ({ fileBase64, ...file }, options, lookup) =>
    new Promise((resolve, reject) => {
      const worker = start(entry, { ...file, ...options, chunks: Math.ceil(fileBase64.length / CHUNK) });
      const fail = (error: unknown) => {
        reject(error);
        void worker.terminate();
      };
      worker.on('message', (message: ParseMessage) => {
        if (message.kind === 'lookup') {
          lookup(message.serials).then((entries) => worker.postMessage({ kind: 'found', entries } satisfies FoundMessage), fail);
        } else {
          resolve(message.result);
          void worker.terminate();
        }
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`parse worker exited with ${code}`)));
      send(worker, fileBase64).catch(fail);
    });

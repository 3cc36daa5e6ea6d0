import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ImportParser, ParsedToken } from '../seedFiles/types';
import type { ParseMessage, ParseRequest } from './parseWorker';

export type { ImportParser } from '../seedFiles/types';

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

/** Seeds cross the thread boundary as Uint8Array: back to Buffer, without a copy. */
const revive = (t: ParsedToken): ParsedToken => ({ ...t, seed: Buffer.from(t.seed.buffer, t.seed.byteOffset, t.seed.byteLength) });

async function send(worker: Worker, text: string): Promise<void> {
  for (let i = 0; i < text.length; i += CHUNK) {
    worker.postMessage(text.slice(i, i + CHUNK));
    await setImmediate();
  }
}

/** One worker per file: parsed off the event loop, so the window stays responsive during a 32 MiB import. */
export const workerParser =
  (entry: URL): ImportParser =>
  ({ fileBase64, ...file }, maxEntries) =>
    new Promise((resolve, reject) => {
      const worker = start(entry, { ...file, maxEntries, chunks: Math.ceil(fileBase64.length / CHUNK) });
      const tokens: ParsedToken[] = [];
      worker.on('message', (message: ParseMessage) => {
        if (message.kind === 'tokens') {
          tokens.push(...message.tokens.map(revive));
          // The next batch only after the event loop had a turn: the window answers between batches.
          setImmediate().then(() => worker.postMessage('next'), reject);
        } else {
          const { result } = message;
          resolve(result.ok ? { ok: true, value: { tokens, problems: result.value.problems } } : result);
          void worker.terminate();
        }
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`parse worker exited with ${code}`)));
      send(worker, fileBase64).catch(reject);
    });

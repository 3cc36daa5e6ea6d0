import { parentPort, workerData } from 'node:worker_threads';
import type { AppError } from '../../shared/errors';
import type { ImportProblem, ParsedToken } from '../seedFiles/types';
import { readImportFile, type ImportFile } from './readFile';

/**
 * The worker thread that decodes and parses one token file (issue 11 finding 10): a 32 MiB PSKC takes seconds to
 * parse, which on the main process's event loop froze the window. main/seedFiles stays pure; this entry only
 * carries its answer back. Built as its own file (electron.vite.config.ts: out/main/parseWorker.js).
 *
 * Both ways the data moves in pieces, so no single message costs the main thread more than a few milliseconds
 * to copy: the file's base64 text in `chunks` messages, then the tokens back in batches of TOKEN_BATCH, one batch
 * each time the main thread asks ('next', after its event loop had a turn), each seed in its own transferred
 * buffer (moved, not copied), and last `done` with the problems or the refusal.
 */
export type ParseRequest = Omit<ImportFile, 'fileBase64'> & { readonly chunks: number; readonly maxEntries: number };
export type ParseMessage =
  | { readonly kind: 'tokens'; readonly tokens: ParsedToken[] }
  | { readonly kind: 'done'; readonly result: { ok: true; value: { problems: ImportProblem[] } } | { ok: false; error: AppError } };

export const TOKEN_BATCH = 500;

const port = parentPort!;
const { chunks, maxEntries, ...file } = workerData as ParseRequest;
const parts: string[] = [];

let pending: ParsedToken[] = [];
let finish: ParseMessage | undefined;

function parse(): void {
  const result = readImportFile({ ...file, fileBase64: parts.join('') }, maxEntries);
  parts.length = 0;
  if (result.ok) pending = result.value.tokens;
  finish = { kind: 'done', result: result.ok ? { ok: true, value: { problems: result.value.problems } } : result };
  sendNext();
}

function sendNext(): void {
  if (pending.length === 0) {
    port.postMessage(finish);
    return;
  }
  const taken = pending.splice(0, TOKEN_BATCH);
  // A seed of its own buffer, moved to the main thread; this thread's plaintext copy is wiped at once.
  const batch = taken.map((t) => ({ ...t, seed: Buffer.from(new Uint8Array(t.seed)) }));
  for (const t of taken) t.seed.fill(0);
  port.postMessage({ kind: 'tokens', tokens: batch }, batch.map((t) => t.seed.buffer as ArrayBuffer));
}

port.on('message', (message: string) => {
  if (finish !== undefined) sendNext(); // 'next'
  else {
    parts.push(message);
    if (parts.length === chunks) parse();
  }
});
if (chunks === 0) parse();

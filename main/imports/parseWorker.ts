import { parentPort, workerData } from 'node:worker_threads';
import { ok, type Result } from '../../shared/errors';
import type { ExistingToken } from '../seedFiles/preview';
import { packTokens, transferables } from '../seedFiles/packed';
import type { SortOptions, SortedImport } from '../seedFiles/importParser';
import { readImportFile, type ImportFile } from './readFile';
import { sortParsed } from './sortTokens';

/**
 * The worker thread that decodes, parses and sorts one token file (issue 11 finding 10): a 32 MiB PSKC takes
 * seconds to parse, which on the main process's event loop froze the window. main/seedFiles stays pure; this
 * entry only carries the work across. Built as its own file (electron.vite.config.ts: out/main/parseWorker.js).
 *
 * Nothing big is built on the main thread, so neither its code nor its garbage collector holds the window for
 * long: the file's base64 text comes in `chunks` messages; the worker asks the store about the serials in
 * batches ('lookup', answered 'found'), sorts the file, and sends back the preview and the new tokens packed in
 * a few buffers (main/seedFiles/packed.ts), moved, not copied. Every other plaintext seed is wiped here.
 */
export type ParseRequest = Omit<ImportFile, 'fileBase64'> & SortOptions & { readonly chunks: number };
export type ParseMessage =
  | { readonly kind: 'lookup'; readonly serials: string[] }
  | { readonly kind: 'done'; readonly result: Result<SortedImport> };
export type FoundMessage = { readonly kind: 'found'; readonly entries: [string, ExistingToken][] };

const port = parentPort!;
const { chunks, maxEntries, stepSeconds, companyId, now, ...file } = workerData as ParseRequest;
const parts: string[] = [];
let answer: ((entries: [string, ExistingToken][]) => void) | undefined;

const lookup = (serials: string[]) =>
  new Promise<[string, ExistingToken][]>((resolve) => {
    answer = resolve;
    port.postMessage({ kind: 'lookup', serials } satisfies ParseMessage);
  });

async function run(): Promise<void> {
  const parsed = readImportFile({ ...file, fileBase64: parts.join('') }, maxEntries);
  parts.length = 0;
  if (!parsed.ok) return port.postMessage({ kind: 'done', result: parsed } satisfies ParseMessage);
  const { tokens, preview } = await sortParsed(parsed.value, { maxEntries, stepSeconds, companyId, now }, lookup);
  const packed = packTokens(tokens);
  for (const t of parsed.value.tokens) t.seed.fill(0);
  port.postMessage({ kind: 'done', result: ok({ preview, tokens: packed }) } satisfies ParseMessage, transferables(packed));
}

/** Thrown uncaught, so the worker ends and the main thread's 'error' listener rejects the parse. */
const failed = (error: unknown) => queueMicrotask(() => {
  throw error;
});

port.on('message', (message: string | FoundMessage) => {
  if (typeof message !== 'string') answer?.(message.entries);
  else {
    parts.push(message);
    if (parts.length === chunks) run().catch(failed);
  }
});
if (chunks === 0) run().catch(failed);

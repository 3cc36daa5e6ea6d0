import type { RequestOf } from '../../shared/contract';
import type { ImportPreview } from '../../shared/contract/adminModels';
import type { Result } from '../../shared/errors';
import type { PackedTokens } from './packed';
import type { ExistingToken } from './preview';

/**
 * What the import service hands the parse worker and gets back. Apart from types.ts, which the parsers, packed.ts
 * and preview.ts all import: these types name packed.ts and preview.ts, so in types.ts they made a circle.
 */

/** A token file as the import channels carry it (the request without its session). */
export type ImportFile = Omit<RequestOf<'imports', 'preview'>, 'sessionId'>;

/** What sorting a file's tokens against the store needs besides the store: its rules, the company, the time (ms). */
export type SortOptions = { readonly maxEntries: number; readonly stepSeconds: number; readonly companyId: number; readonly now: number };
/** Asks the store about some serials: those it holds, each with what it knows of it. */
export type SerialLookup = (serials: string[]) => Promise<[string, ExistingToken][]>;
/** A file sorted for its preview: the counts and lists shown, and the new tokens a commit would write. */
export type SortedImport = { readonly preview: Omit<ImportPreview, 'previewId'>; readonly tokens: PackedTokens };

/**
 * Parses a token file and sorts its tokens off the event loop (main/imports/parseInWorker.ts), at most
 * `maxEntries` tokens; only the store lookups run on the caller's side, through `lookup`.
 */
export type ImportParser = (file: ImportFile, options: SortOptions, lookup: SerialLookup) => Promise<Result<SortedImport>>;

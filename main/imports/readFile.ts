import { fail, ok, type Result } from '../../shared/errors';
import { parseEntraCsv } from '../seedFiles/csv';
import { parsePskc } from '../seedFiles/pskc';
import type { ImportFile } from '../seedFiles/importParser';
import { MAX_IMPORT_BYTES, type ParseResult } from '../seedFiles/types';
import { decodeFileBase64 } from './base64';

/** A token file as both import channels carry it (imports:preview, setup:preview-import). */
export type { ImportFile } from '../seedFiles/importParser';

const refused = (problem: string) => fail('IMPORT_REFUSED', { problem });

function decode(fileBase64: string): Result<Buffer> {
  const bytes = decodeFileBase64(fileBase64, MAX_IMPORT_BYTES);
  return typeof bytes === 'string' ? refused(bytes) : ok(bytes);
}

/** Problems only the file as a whole can have; the parsers report them alone, with no tokens (main/seedFiles/types.ts). */
const FILE_ONLY = new Set(['MALFORMED_FILE', 'MISSING_COLUMN']);

function fileProblem(result: ParseResult): string | null {
  const [only] = result.problems;
  if (result.tokens.length > 0 || result.problems.length !== 1 || !only) return null;
  return only.where === 'file' || FILE_ONLY.has(only.reason) ? only.reason : null;
}

/**
 * A token file, decoded and parsed by its format, or IMPORT_REFUSED with the file-level problem. The decoded
 * bytes hold plaintext seeds (plain PSKC, CSV), so they are wiped once parsed; nothing is written anywhere.
 * Runs in the parse worker (parseWorker.ts), never on the main process's event loop.
 */
export function readImportFile(file: ImportFile, maxEntries: number): Result<ParseResult> {
  const bytes = decode(file.fileBase64);
  if (!bytes.ok) return bytes;
  try {
    const key = file.preSharedKeyHex === undefined ? {} : { preSharedKey: Buffer.from(file.preSharedKeyHex, 'hex') };
    const parsed = file.format === 'csv' ? parseEntraCsv(bytes.value, { maxEntries }) : parsePskc(bytes.value, { ...key, maxEntries });
    const problem = fileProblem(parsed);
    return problem === null ? ok(parsed) : refused(problem);
  } finally {
    bytes.value.fill(0);
  }
}

import { fail, ok, type Result } from '../../shared/errors';
import { parseEntraCsv } from '../seedFiles/csv';
import { parsePskc } from '../seedFiles/pskc';
import { MAX_IMPORT_BYTES, type ParseResult } from '../seedFiles/types';

export type ImportFile = { format: 'pskc' | 'csv'; fileBase64: string; preSharedKeyHex?: string | undefined };

const refused = (problem: string) => fail('IMPORT_REFUSED', { problem });

/** The decoded size from the text's length alone, so a file over the limit is refused before it is decoded. */
const decodedLength = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

/** Strict base64: Buffer.from would skip anything else silently and parse a different file. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decode(fileBase64: string): Result<Buffer> {
  if (decodedLength(fileBase64) > MAX_IMPORT_BYTES) return refused('FILE_TOO_LARGE');
  if (fileBase64.length % 4 !== 0 || !BASE64.test(fileBase64)) return refused('MALFORMED_FILE');
  return ok(Buffer.from(fileBase64, 'base64'));
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

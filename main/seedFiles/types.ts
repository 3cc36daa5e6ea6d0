import { IMPORT_FILE_MAX_BYTES } from '../../shared/input/limits';
import { FILE_PROBLEM_CODES } from '../../shared/contract/importProblems';

/**
 * What the seed-import parsers hand to the preview and, later, to the service that commits an import.
 * Parsers are pure: bytes in, tokens and problems out, nothing written anywhere.
 */

/**
 * Files above this are refused before any decoding or parsing. 10,000 PSKC KeyPackages are about 15 MB;
 * twice that leaves room for verbose vendors. Callers should compare a file's size (fs.stat) with this
 * before reading it, so a huge file is never read into memory at all.
 */
export const MAX_IMPORT_BYTES = IMPORT_FILE_MAX_BYTES;

/** Codes, not prose: the renderer maps each to a Japanese / English message. */
export const IMPORT_PROBLEM_CODES = FILE_PROBLEM_CODES;

export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** `where`: 'file', 'line 12', 'KeyPackage 3' or 'KeyPackage 3 (serial 523405696)'. `detail` is for logs, never shown as is. */
export type ImportProblem = { where: string; reason: ImportProblemCode; detail?: string };

export type ParsedToken = {
  /** Half-width digits, 8 to 12 (SPEC R-TOK-5). */
  serial: string;
  /** Plaintext seed: the caller seals it (main/crypto/seal.ts) before anything else happens to it. */
  seed: Buffer;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: 6 | 8;
  /** TOTP time step in seconds, as the file says; whether the product accepts it is the caller's decision. */
  period: number;
  /** Null when the file gives none: the caller decides (the store needs one, SPEC R-TOK-4). */
  expiresAt: Date | null;
  manufacturer?: string;
  model?: string;
  where: string;
};

export type ParseResult = { tokens: ParsedToken[]; problems: ImportProblem[] };

export const problem = (where: string, reason: ImportProblemCode, detail?: string): ImportProblem =>
  detail === undefined ? { where, reason } : { where, reason, detail };

/** A problem with the whole file: nothing in it is importable. */
export const fatal = (reason: ImportProblemCode, detail?: string, where = 'file'): ParseResult => ({
  tokens: [],
  problems: [problem(where, reason, detail)],
});

/** Problems of a token file as main/seedFiles' parsers report them: codes, which the renderer words. */
export const FILE_PROBLEM_CODES = [
  // The whole file (tokens: [] and this one problem).
  'FILE_TOO_LARGE',
  'UNSUPPORTED_ENCODING',
  'DTD_NOT_ALLOWED',
  'MALFORMED_FILE',
  'MISSING_COLUMN',
  'ENCRYPTED_NEEDS_KEY',
  'WRONG_KEY',
  'UNSUPPORTED_ENCRYPTION',
  'TOO_MANY_ENTRIES',
  // One entry (a KeyPackage or a CSV line); MAC_MISSING can also be file-wide (no MACMethod).
  'MALFORMED_ENTRY',
  'MAC_MISSING',
  'MAC_MISMATCH',
  'NOT_TOTP',
  'UNSUPPORTED_ALGORITHM',
  'BAD_SERIAL',
  'BAD_SECRET',
  'BAD_DIGITS',
  'BAD_PERIOD',
  'BAD_EXPIRY',
  'DUPLICATE_IN_FILE',
] as const;

/**
 * Why the import preview (main/imports) leaves a well-formed token out (SPEC R-TOK-3, R-TOK-4). TOKEN_DISABLED:
 * the serial is of a token reported lost (R-TOK-6); its reissue has a new serial. NON_STANDARD_STEP: a time step
 * other than the configured one (SPEC R-OTP-1: 60 s), refused rather than imported unnoticed.
 */
export const PREVIEW_REFUSAL_CODES = ['MISSING_EXPIRY', 'OTHER_COMPANY', 'DUPLICATE', 'EXPIRED', 'TOKEN_DISABLED', 'NON_STANDARD_STEP'] as const;

/** Every `reason` an import preview's problem list can carry. */
export const IMPORT_PROBLEM_CODES = [...FILE_PROBLEM_CODES, ...PREVIEW_REFUSAL_CODES] as const;
export type ImportProblemReason = (typeof IMPORT_PROBLEM_CODES)[number];

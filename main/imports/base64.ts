/** The decoded size from the text's length alone, so a file over the limit is refused before it is decoded. */
const decodedLength = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

/** Strict base64: Buffer.from would skip anything else silently and read a different file. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A file that crossed IPC as base64 (imports, backups): its bytes, or why not. */
export function decodeFileBase64(fileBase64: string, maxBytes: number): Buffer | 'FILE_TOO_LARGE' | 'MALFORMED_FILE' {
  if (decodedLength(fileBase64) > maxBytes) return 'FILE_TOO_LARGE';
  if (fileBase64.length % 4 !== 0 || !BASE64.test(fileBase64)) return 'MALFORMED_FILE';
  return Buffer.from(fileBase64, 'base64');
}

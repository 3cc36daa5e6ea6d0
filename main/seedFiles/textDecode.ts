/**
 * Text files from spreadsheets: UTF-8 (with or without BOM) or, from Japanese Excel's "CSV (comma delimited)",
 * Shift_JIS (in fact Windows-31J). Decoding is strict both ways, so a file is either read exactly or refused.
 * A Shift_JIS file is practically never valid UTF-8 (its lead bytes 0x81-0x9F are UTF-8 continuation bytes),
 * and pure ASCII reads the same in both, so trying UTF-8 first and Shift_JIS second picks the right one.
 * Node's TextDecoder('shift_jis') (full ICU) decodes Windows-31J's NEC rows too (㈱ is in the tests). Electron's main
 * process has the same Node API over Chromium's ICU; a build without it refuses the file, it never misreads it.
 */
export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'shift_jis' } | { ok: false; detail: string };

function strictDecode(encoding: 'utf-8' | 'shift_jis', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Invalid bytes, or a Node built without full ICU that knows no shift_jis: either way, not readable.
    return null;
  }
}

const startsWith = (bytes: Buffer, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function decodeSpreadsheetText(bytes: Buffer): Decoded {
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return { ok: false, detail: 'UTF-16' };
  const bom = startsWith(bytes, 0xef, 0xbb, 0xbf);
  const body = bom ? bytes.subarray(3) : bytes;
  const utf8 = strictDecode('utf-8', body);
  // A BOM says UTF-8: if the rest is not, the file is damaged, and guessing another encoding would misread it.
  const sjis = utf8 === null && !bom ? strictDecode('shift_jis', body) : null;
  const text = utf8 ?? sjis;
  // NUL never occurs in a CSV; it does in UTF-16 without a BOM, which would otherwise decode as "valid" UTF-8.
  if (text === null || text.includes('\u0000')) return { ok: false, detail: bom ? 'BOM but not UTF-8' : 'neither UTF-8 nor Shift_JIS' };
  return { ok: true, text, encoding: utf8 !== null ? 'utf-8' : 'shift_jis' };
}

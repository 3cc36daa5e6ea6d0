/**
 * Byte scans for secrets at rest: each secret is looked for in every form it could have been written in.
 * `digits` secrets (OTPs) match only where no other ASCII digit touches them, so a code is not "found" inside
 * a longer number such as a serial.
 */
export type Secret = { readonly label: string; readonly value: string | Uint8Array; readonly digits?: boolean };

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + B32[(value << (5 - bits)) & 31] : out;
}

/** Every encoding of a secret worth looking for, labelled. */
export function forms(secret: Secret): { label: string; bytes: Buffer }[] {
  if (typeof secret.value === 'string') {
    return [
      { label: `${secret.label} (utf8)`, bytes: Buffer.from(secret.value, 'utf8') },
      { label: `${secret.label} (utf16le)`, bytes: Buffer.from(secret.value, 'utf16le') },
    ];
  }
  const raw = Buffer.from(secret.value);
  const texts = { hex: raw.toString('hex'), HEX: raw.toString('hex').toUpperCase(), base32: base32(raw), base64: raw.toString('base64'), base64url: raw.toString('base64url') };
  return [{ label: `${secret.label} (raw)`, bytes: raw }, ...Object.entries(texts).map(([form, text]) => ({ label: `${secret.label} (${form})`, bytes: Buffer.from(text, 'latin1') }))];
}

const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

function occurs(haystack: Buffer, needle: Buffer, digits: boolean): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (!digits || (!isDigit(haystack[at - 1]) && !isDigit(haystack[at + needle.length]))) return true;
  }
  return false;
}

/** The labels of every form of every secret found in any of the named byte sources. */
export function scan(sources: Record<string, Buffer>, secrets: readonly Secret[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    for (const form of forms(secret)) {
      for (const [where, bytes] of Object.entries(sources)) if (occurs(bytes, form.bytes, secret.digits ?? false)) found.push(`${form.label} in ${where}`);
    }
  }
  return found;
}

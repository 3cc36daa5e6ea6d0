import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_IMPORT_BYTES, fatal, type ParseResult } from './types';

/**
 * Loading an untrusted XML file (a PSKC document) into a plain object tree, or refusing it as a whole.
 *
 * Defences, in order, each before any parser sees the text:
 * 1. size: refused by length, before decoding (a 100 MB file costs nothing);
 * 2. encoding: UTF-8 only, decoded strictly, so the text we inspect is exactly the text that is parsed;
 * 3. no DTD at all: PSKC never needs one, and without a DOCTYPE there is nothing to expand, so billion-laughs
 *    and external entities (file:///etc/passwd) are refused rather than mitigated;
 * 4. well-formedness by fast-xml-parser's validator (a truncated file is refused, not half-read).
 * fast-xml-parser itself reads no files, fetches nothing, caps nesting depth and refuses __proto__-like names.
 */
export type XmlLoad = { ok: true; root: Record<string, unknown> } | { ok: false; result: ParseResult };

const parser = new XMLParser({
  removeNSPrefix: true, // pskc:, xenc:, ds: or none at all: the same tree (prefixes are the sender's choice)
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false, // serials keep their leading zeros: every value stays a string
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const refuse = (...args: Parameters<typeof fatal>): XmlLoad => ({ ok: false, result: fatal(...args) });

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** The XML declaration may name another encoding; we decode UTF-8 only, so such a file is refused, not misread. */
const declaredEncoding = (text: string): string | undefined =>
  /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];

export function loadXml(bytes: Buffer): XmlLoad {
  if (bytes.length > MAX_IMPORT_BYTES) return refuse('FILE_TOO_LARGE', `${bytes.length} bytes`);
  const text = decodeUtf8(bytes);
  const encoding = text === null ? undefined : declaredEncoding(text);
  if (text === null || text.includes('\u0000')) return refuse('UNSUPPORTED_ENCODING', 'not UTF-8');
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) return refuse('UNSUPPORTED_ENCODING', encoding);
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) return refuse('DTD_NOT_ALLOWED');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return refuse('MALFORMED_FILE', `${valid.err.code} at line ${valid.err.line}`);
  try {
    return { ok: true, root: parser.parse(text) as Record<string, unknown> };
  } catch (e) {
    // The validator passed but the parser's own limits (nesting depth, reserved names) did not.
    return refuse('MALFORMED_FILE', e instanceof Error ? e.message.slice(0, 200) : 'parser error');
  }
}

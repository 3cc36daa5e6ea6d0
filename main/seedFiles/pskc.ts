import { earliest, parseXsDateTime } from './dates';
import { Rejection, SerialClaims, checkSeedLength, collect, reject, serialOf, tooMany } from './entries';
import { openPskc, secretOf, type PskcOptions, type PskcPackage } from './pskcDocument';
import type { PskcKeys } from './pskcCrypto';
import { attr, child, text, type Node } from './tree';
import { problem, type ImportProblem, type ParseResult, type ParsedToken } from './types';

export type { PskcOptions } from './pskcDocument';

/** Key@Algorithm of a time-based key (PSKC algorithm profile URN); HOTP, OCRA, PIN… keys are no tokens of this product. */
export const PSKC_TOTP = 'urn:ietf:params:xml:ns:keyprov:pskc:totp';
/** RFC 6030 §4.3.4 / RFC 6238: a file with no TimeInterval means 30 s; the preview flags it (not the product's 60 s). */
export const PSKC_DEFAULT_TIME_STEP = 30;

const cap = (s: string | undefined) => s?.slice(0, 200);

/** AlgorithmParameters/Suite names the hash ("HMAC-SHA256", "SHA1"…); none means SHA-1, RFC 6238's default. */
function hashOf(key: Node): ParsedToken['algorithm'] {
  const suite = text(key, 'AlgorithmParameters', 'Suite');
  if (suite === undefined) return 'SHA1';
  const name = suite.toUpperCase().replace(/^HMAC/, '').replace(/[-_\s]/g, '');
  return name === 'SHA1' || name === 'SHA256' || name === 'SHA512' ? name : reject('UNSUPPORTED_ALGORITHM', cap(suite));
}

function digitsOf(key: Node): 6 | 8 {
  const format = child(key, 'AlgorithmParameters', 'ResponseFormat');
  const encoding = attr(format, 'Encoding');
  if (encoding !== undefined && encoding !== 'DECIMAL') reject('BAD_DIGITS', `Encoding ${cap(encoding)}`);
  const length = attr(format, 'Length');
  if (length === undefined) return reject('BAD_DIGITS', 'missing');
  return length === '6' ? 6 : length === '8' ? 8 : reject('BAD_DIGITS', cap(length));
}

/** Whole seconds in 1..3600; whether the product accepts, say, 30 beside its own 60 is the caller's decision. */
function periodOf(key: Node): number {
  const t0 = text(key, 'Data', 'Time', 'PlainValue');
  // Our TOTP counts steps from the Unix epoch (RFC 6238 T0 = 0); another origin would shift every code.
  if (t0 !== undefined && t0.trim() !== '0') reject('UNSUPPORTED_ALGORITHM', 'Time (T0) is not 0');
  const interval = text(key, 'Data', 'TimeInterval', 'PlainValue');
  if (interval === undefined) return PSKC_DEFAULT_TIME_STEP;
  const seconds = /^\d{1,4}$/.test(interval) ? Number(interval) : 0;
  return seconds >= 1 && seconds <= 3600 ? seconds : reject('BAD_PERIOD', cap(interval));
}

const dateOrNull = (value: string | undefined) => (value === undefined ? null : parseXsDateTime(value));

function tokenOf(pkg: PskcPackage, keys: PskcKeys | null, claims: SerialClaims): ParsedToken {
  const key = child(pkg.node, 'Key');
  if (key === undefined) return reject('MALFORMED_ENTRY', 'no Key');
  const uri = attr(key, 'Algorithm');
  if (uri !== PSKC_TOTP) reject('NOT_TOTP', cap(uri) ?? 'no Algorithm');
  const device = child(pkg.node, 'DeviceInfo');
  const serial = serialOf(text(device, 'SerialNo'));
  claims.claim(serial, pkg.where());
  const seed = checkSeedLength(secretOf(key, keys));
  const [manufacturer, model] = [cap(text(device, 'Manufacturer')), cap(text(device, 'Model'))];
  return {
    serial,
    seed,
    algorithm: hashOf(key),
    digits: digitsOf(key),
    period: periodOf(key),
    expiresAt: earliest(dateOrNull(text(device, 'ExpiryDate')), dateOrNull(text(key, 'Policy', 'ExpiryDate'))),
    ...(manufacturer === undefined ? {} : { manufacturer }),
    ...(model === undefined ? {} : { model }),
    where: pkg.where(),
  };
}

/**
 * RFC 6030 PSKC → TOTP tokens. A file-wide problem (too large, not UTF-8, DTD, malformed, encrypted without a
 * key, wrong key) gives no tokens and that one problem; otherwise each KeyPackage is a token or a problem.
 */
export function parsePskc(bytes: Buffer, options: PskcOptions = {}): ParseResult {
  const opened = openPskc(bytes, options);
  if (!opened.ok) return opened.result;
  const { packages, keys } = opened.doc;
  const refused = tooMany(packages.length, options.maxEntries);
  if (refused) return refused;
  const claims = new SerialClaims();
  return claims.refuseFirsts(collect(packages.map((pkg) => ({ where: pkg.where, read: () => tokenOf(pkg, keys, claims) }))));
}

export type PskcSecret = { where: string; keyAlgorithm: string | undefined; secret: Buffer };

/**
 * Every KeyPackage's secret, whatever its algorithm, through the same loading, MAC and decryption as parsePskc.
 * Not an import path (HOTP keys are no tokens here): it exists so that RFC 6030's own examples, which are all
 * HOTP, can prove the decryption against the RFC's published secret.
 */
export function decryptPskcSecrets(bytes: Buffer, options: PskcOptions = {}): { secrets: PskcSecret[]; problems: ImportProblem[] } {
  const opened = openPskc(bytes, options);
  if (!opened.ok) return { secrets: [], problems: opened.result.problems };
  const out = { secrets: [] as PskcSecret[], problems: [] as ImportProblem[] };
  for (const pkg of opened.doc.packages) {
    try {
      const key = child(pkg.node, 'Key');
      out.secrets.push({ where: pkg.where(), keyAlgorithm: attr(key, 'Algorithm'), secret: secretOf(key, opened.doc.keys) });
    } catch (e) {
      if (!(e instanceof Rejection)) throw e;
      out.problems.push(problem(pkg.where(), e.reason, e.detail));
    }
  }
  return out;
}

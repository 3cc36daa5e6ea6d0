import { createHash, type X509Certificate } from 'node:crypto';

export type CertificateProblem = 'PIN_MISMATCH' | 'CERT_EXPIRED';

/**
 * SHA-256 over the DER bytes, upper-case hex pairs joined by `:`, as `openssl x509 -fingerprint -sha256` prints it:
 * the one fingerprint of the project, what the desktop pins and what `server:demo` prints.
 */
export function fingerprintOf(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

/**
 * The pin replaces CA validation (the company's certificate is self-signed), so the validity period, which the
 * TLS layer no longer checks, is checked here: an expired or not yet valid certificate is refused.
 */
export function certificateProblem(cert: X509Certificate | undefined, pin: string, now: Date): CertificateProblem | null {
  if (!cert || fingerprintOf(cert.raw) !== pin) return 'PIN_MISMATCH';
  const from = new Date(cert.validFrom).getTime();
  const to = new Date(cert.validTo).getTime();
  if (!(from <= now.getTime() && now.getTime() <= to)) return 'CERT_EXPIRED';
  return null;
}

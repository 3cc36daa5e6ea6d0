import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprintOf } from '../../main/remote/pin';
import { X509Certificate } from 'node:crypto';

export type Certificate = { key: Buffer; cert: Buffer; fingerprint: string };

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'pipe' });

const read = (dir: string): Certificate => {
  const cert = readFileSync(join(dir, 'cert.pem'));
  return { key: readFileSync(join(dir, 'key.pem')), cert, fingerprint: fingerprintOf(new X509Certificate(cert).raw) };
};

const inTemp = <T>(make: (dir: string) => T): T => {
  const dir = mkdtempSync(join(tmpdir(), 'client-certs-'));
  try {
    return make(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const SUBJECT = ['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'];
const KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'key.pem'];

/** A self-signed certificate valid from now for a day, as a company server would use. */
export function selfSigned(): Certificate {
  return inTemp((dir) => {
    openssl(['req', '-x509', ...KEY, '-out', 'cert.pem', '-days', '1', ...SUBJECT], dir);
    return read(dir);
  });
}

/**
 * A self-signed certificate whose validity ended in 2020. OpenSSL 3.0's `req` has no start date option, so
 * `openssl ca -selfsign` signs the request with explicit -startdate/-enddate, from a throw-away CA database.
 */
export function expiredSelfSigned(): Certificate {
  return inTemp((dir) => {
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '1000\n');
    writeFileSync(join(dir, 'ca.cnf'), '[ca]\ndefault_ca=c\n[c]\ndir=.\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\n[p]\ncommonName=supplied\n');
    openssl(['req', '-new', ...KEY, '-out', 'req.csr', ...SUBJECT], dir);
    openssl(['ca', '-batch', '-config', 'ca.cnf', '-selfsign', '-keyfile', 'key.pem', '-in', 'req.csr', '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-out', 'cert.pem'], dir);
    return read(dir);
  });
}

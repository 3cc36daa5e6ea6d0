import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Test documents in RFC 6030 syntax, with real encryption and real MACs made by node:crypto. */

export const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

export const TOTP = 'urn:ietf:params:xml:ns:keyprov:pskc:totp';
export const HOTP = 'urn:ietf:params:xml:ns:keyprov:pskc:hotp';

export type Pkg = {
  serial?: string;
  algorithm?: string;
  seed?: Buffer;
  /** Replaces the <AlgorithmParameters> content. */
  params?: string;
  /** Inserted into <Data> after the secret. */
  data?: string;
  /** Inserted into <DeviceInfo> after the serial. */
  device?: string;
  /** Inserted into <Key> after <Data> (e.g. a Policy). */
  keyExtra?: string;
};

export type Encryption = {
  psk: Buffer;
  macKey: Buffer;
  cipher?: 'aes128-cbc' | 'aes192-cbc' | 'aes256-cbc';
  mac?: 'http://www.w3.org/2000/09/xmldsig#hmac-sha1' | 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256';
};

export const PSK = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
export const MAC_KEY = Buffer.from('f0e1d2c3b4a5968778695a4b3c2d1e0f00112233', 'hex');
export const SEED = Buffer.from('12345678901234567890');

const cipherName = (c: NonNullable<Encryption['cipher']>) => `aes-${c.slice(3, 6)}-cbc`;
const cipherUri = (c: NonNullable<Encryption['cipher']>) => `http://www.w3.org/2001/04/xmlenc#${c}`;

/**
 * IV || AES-CBC(plaintext), as xenc:CipherValue carries it. The IV is derived from the plaintext so that every run
 * encrypts the same bytes: whether a given wrong key happens to pass the padding check is then fixed, not random.
 */
export function cbc(e: Encryption, plaintext: Buffer): Buffer {
  const iv = createHash('sha256').update(plaintext).digest().subarray(0, 16);
  const cipher = createCipheriv(cipherName(e.cipher ?? 'aes128-cbc'), e.psk, iv);
  return Buffer.concat([iv, cipher.update(plaintext), cipher.final()]);
}

const encrypted = (e: Encryption, value: Buffer) => `
  <xenc:EncryptionMethod Algorithm="${cipherUri(e.cipher ?? 'aes128-cbc')}"/>
  <xenc:CipherData><xenc:CipherValue>${value.toString('base64')}</xenc:CipherValue></xenc:CipherData>`;

function secret(seed: Buffer, e: Encryption | undefined): string {
  if (!e) return `<PlainValue>${seed.toString('base64')}</PlainValue>`;
  const value = cbc(e, seed);
  const mac = createHmac(e.mac?.endsWith('sha256') ? 'sha256' : 'sha1', e.macKey).update(value).digest('base64');
  return `<EncryptedValue>${encrypted(e, value)}</EncryptedValue><ValueMAC>${mac}</ValueMAC>`;
}

const keyPackage = (p: Pkg, e: Encryption | undefined) => `
<KeyPackage>
  <DeviceInfo>${p.serial === undefined ? '' : `<SerialNo>${p.serial}</SerialNo>`}${p.device ?? ''}</DeviceInfo>
  <Key Algorithm="${p.algorithm ?? TOTP}">
    <AlgorithmParameters>${p.params ?? '<ResponseFormat Length="6" Encoding="DECIMAL"/>'}</AlgorithmParameters>
    <Data><Secret>${secret(p.seed ?? SEED, e)}</Secret>${p.data ?? '<TimeInterval><PlainValue>60</PlainValue></TimeInterval>'}</Data>
    ${p.keyExtra ?? ''}
  </Key>
</KeyPackage>`;

const header = (e: Encryption) => `
<EncryptionKey><ds:KeyName>Pre-shared-key</ds:KeyName></EncryptionKey>
<MACMethod Algorithm="${e.mac ?? 'http://www.w3.org/2000/09/xmldsig#hmac-sha1'}">
  <MACKey>${encrypted(e, cbc(e, e.macKey))}</MACKey>
</MACMethod>`;

export function pskcXml(packages: Pkg[], e?: Encryption): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc"
  xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#">
${e ? header(e) : ''}${packages.map((p) => keyPackage(p, e)).join('')}
</KeyContainer>`;
}

export const pskc = (packages: Pkg[], e?: Encryption): Buffer => Buffer.from(pskcXml(packages, e), 'utf8');

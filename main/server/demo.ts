import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../cli/args';
import { serverKdf } from '../crypto/password';
import { DEMO_SERIALS, seedDemo } from '../demo/demoData';
import { startTempPostgres } from '../demo/tempPostgres';
import { withSeed } from '../otp/consume';
import { codeAtStep, stepAt } from '../otp/totp';
import { findTokenBySerial } from '../store/repos/tokens';
import { openPostgresStore } from '../store/postgres/open';
import type { Store } from '../store/store';
import { serverConfigSchema } from './config';
import { closeOnSignals, launch } from './launch';
import { fingerprintOf } from '../remote/pin';
import { makeSelfSigned } from './selfSigned';

/** The shared demo token's code, printed at each new step: the demo's stand-in for the hardware token's display. */
function showCodes(store: Store, sealKey: Buffer): NodeJS.Timeout {
  let shown = -1;
  return setInterval(() => {
    void findTokenBySerial(store.db, DEMO_SERIALS.shared).then((token) => {
      const step = token ? stepAt(new Date(), token.period) + token.drift : -1;
      if (!token || step === shown) return;
      shown = step;
      console.log(`token ${token.serial} shows ${withSeed(sealKey, token, (seed) => codeAtStep(seed, step, token))}`);
    }, () => undefined);
  }, 1_000).unref();
}

/**
 * `npm run server:demo`: a throw-away PostgreSQL in a temporary folder, a self-signed certificate, the demo
 * companies, on 127.0.0.1 (`--host`, `--port` to change). Prints the URL and the fingerprint a desktop pins;
 * Ctrl-C or SIGTERM stops the server and PostgreSQL and removes both folders.
 */
async function main(): Promise<void> {
  const { flags } = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'otp-server-demo-'));
  const postgres = await startTempPostgres({ prefix: 'otp-server-demo-pg-' });
  const cleanUp = async () => (await postgres.stop(), rmSync(dir, { recursive: true, force: true }));
  try {
    const tls = makeSelfSigned(dir);
    const sealKey = randomBytes(32);
    const store = await openPostgresStore({ connectionString: postgres.url });
    await seedDemo({ db: store.db, kdf: serverKdf, sealKey, now: new Date() });
    const config = serverConfigSchema.parse({
      postgres: { url: postgres.url },
      tls: { certFile: tls.certFile, keyFile: tls.keyFile },
      listen: { host: typeof flags.get('host') === 'string' ? flags.get('host') : '127.0.0.1', port: Number(flags.get('port') ?? 8443) },
      sealKey: { env: 'UNUSED' },
      setupFromDesktops: true,
      logLevel: 'warn',
    });
    const running = await launch(config, { store, sealKey });
    console.log(`OTP server demo at ${running.url}\ncertificate SHA-256 fingerprint: ${fingerprintOf(new X509Certificate(tls.cert).raw)}`);
    console.log('demo users as in the README (kmb05871 / Login#2026 / Auth#2026); Ctrl-C stops everything');
    showCodes(store, sealKey);
    closeOnSignals(running, config.shutdownTimeoutMs, cleanUp);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

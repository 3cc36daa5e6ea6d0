import { codeAtStep, stepAt } from '../otp/totp';
import { withSeed } from '../otp/consume';
import { findTokenBySerial } from '../store/repos/tokens';
import { DEFAULT_DEMO_DIR, openDemoStore } from '../demo/demoStore';
import { normaliseWidth } from '../../shared/input/normalise';
import { parseArgs } from './args';

/**
 * `npm run demo:code -- 523405696`: what the hardware token's display shows now, so a person can try every
 * flow with the demo data. Reads the demo store only.
 */
async function main(): Promise<void> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const serial = normaliseWidth(positional[0] ?? '');
  if (!/^[0-9]{8,12}$/.test(serial)) throw new Error('usage: npm run demo:code -- <serial, 8-12 digits>');
  const dir = typeof flags.get('data-dir') === 'string' ? (flags.get('data-dir') as string) : DEFAULT_DEMO_DIR;
  const { store, sealKey, fresh } = await openDemoStore(dir);
  try {
    if (fresh) throw new Error(`no demo data in ${dir}: run npm run demo:seed first`);
    const token = await findTokenBySerial(store.db, serial);
    if (!token) throw new Error(`no token ${serial} in the demo data`);
    const now = new Date();
    const step = stepAt(now, token.period) + token.drift;
    const code = withSeed(sealKey, token, (seed) => codeAtStep(seed, step, token));
    const left = token.period - (Math.floor(now.getTime() / 1000) % token.period);
    console.log(`${code}   (token ${serial}, changes in ${left} s)`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { rmSync } from 'node:fs';
import { defaultKdf } from '../crypto/password';
import { DEMO_PASSWORDS, seedDemo } from '../demo/demoData';
import { DEFAULT_DEMO_DIR, openDemoStore } from '../demo/demoStore';
import { parseArgs } from './args';

/** `npm run demo:seed [-- --data-dir DIR] [--reset]`: creates the guide's sample company in a demo store. */
async function main(): Promise<void> {
  const { flags } = parseArgs(process.argv.slice(2));
  const dir = typeof flags.get('data-dir') === 'string' ? (flags.get('data-dir') as string) : DEFAULT_DEMO_DIR;
  if (flags.has('reset')) rmSync(dir, { recursive: true, force: true });
  const { store, sealKey, fresh } = await openDemoStore(dir);
  try {
    if (!fresh) {
      console.log(`Demo data already present in ${dir} (use --reset to start over).`);
      return;
    }
    await seedDemo({ db: store.db, kdf: defaultKdf, sealKey, now: new Date() });
    console.log(`Demo data created in ${dir}.`);
    console.log(`Users: kmb05871 (master), test12345 (admin), ippan001, kigen001, shinki01 (general).`);
    console.log(`Login password: ${DEMO_PASSWORDS.login}   Authentication password: ${DEMO_PASSWORDS.auth}`);
    console.log(`Current code of a token: npm run demo:code -- 523405696`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

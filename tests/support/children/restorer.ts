import { readFileSync } from 'node:fs';
import { createCore } from '../../../main/core/createCore';
import { openStore } from '../../../main/store/open';
import { TEST_KDF } from '../harness';
import type { RestorerArgs, RestorerOut } from './backupProtocol';

/** The victim of the kill-while-restoring test: restores a backup onto an empty store. Argv: one JSON RestorerArgs. */
const args = JSON.parse(process.argv[2]!) as RestorerArgs;
const send = (m: RestorerOut) => process.send!(m);
const store = await openStore(args.file);
const core = createCore({ store, sealKey: Buffer.from(args.sealKey, 'hex'), kdf: TEST_KDF, logBug: (_c, e) => console.error(e) });
const fileBase64 = readFileSync(args.backup).toString('base64');
send({ type: 'restoring' });
const result = await core.api.backup.restore({ fileBase64, passphrase: args.passphrase });
send({ type: 'done', outcome: result.ok ? 'ok' : result.error.code });
await store.close();
process.disconnect();

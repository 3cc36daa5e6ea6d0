import { createCore } from '../../../main/core/createCore';
import { openStore } from '../../../main/store/open';
import { BACKUP_NAME } from '../backup';
import { TEST_KDF } from '../harness';
import { POP_PASSWORD, tokenCode } from '../population';
import { join } from 'node:path';
import type { WriterArgs, WriterOut } from './backupProtocol';

/**
 * The victim of the kill-while-writing test: logs the population's master in and writes a backup into the
 * given folder through the api; the parent kills it with SIGKILL once the temporary file shows. Argv: one JSON WriterArgs.
 */
const args = JSON.parse(process.argv[2]!) as WriterArgs;
const send = (m: WriterOut) => process.send!(m);
const sealKey = Buffer.from(args.sealKey, 'hex');
let now = new Date(args.start);
const store = await openStore(args.file);
const backupFiles = { chooseTarget: () => Promise.resolve(join(args.folder, BACKUP_NAME)) };
const core = createCore({ store, sealKey, kdf: TEST_KDF, clock: () => now, logBug: (_c, e) => console.error(e), backupFiles });
const step = await core.api.auth.login({ loginId: args.operator, password: POP_PASSWORD });
if (!step.ok) throw new Error(`login refused: ${step.error.code}`);
const session = await core.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp: await tokenCode(store.db, sealKey, args.serial, now) });
if (!session.ok) throw new Error(`OTP refused: ${session.error.code}`);
now = new Date(now.getTime() + 60_000);
const otp = await tokenCode(store.db, sealKey, args.serial, now);
send({ type: 'writing' });
const result = await core.api.backup.create({ sessionId: session.value.sessionId, passphrase: args.passphrase, authPassword: POP_PASSWORD, otp });
send({ type: 'done', outcome: result.ok ? 'ok' : result.error.code });
await store.close();
process.disconnect();

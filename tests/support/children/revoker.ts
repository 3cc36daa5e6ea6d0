import { createCore } from '../../../main/core/createCore';
import { openStore } from '../../../main/store/open';
import { TEST_KDF } from '../harness';
import { POP_PASSWORD, tokenCode } from '../population';
import type { RevokerArgs, RevokerOut } from './protocol';

/**
 * The victim of the crash test: opens a prepared store, logs the master in (password + OTP) and revokes the
 * targets in one request through the api, reporting each phase. The parent kills it with SIGKILL somewhere
 * along the way. Argv: one JSON RevokerArgs.
 */
const args = JSON.parse(process.argv[2]!) as RevokerArgs;
const send = (m: RevokerOut) => process.send!(m);
const sealKey = Buffer.from(args.sealKey, 'hex');
let now = new Date(args.start);

const store = await openStore(args.file);
send({ type: 'opened' });
const core = createCore({ store, sealKey, kdf: TEST_KDF, clock: () => now, logBug: (_c, e) => console.error(e) });
const step = await core.api.auth.login({ loginId: args.operator, password: POP_PASSWORD });
if (!step.ok) throw new Error(`login refused: ${step.error.code}`);
const otp = await tokenCode(store.db, sealKey, args.serial, now);
const session = await core.api.auth.verifyOtp({ challengeId: step.value.challengeId, otp });
if (!session.ok) throw new Error(`OTP refused: ${session.error.code}`);
now = new Date(now.getTime() + 60_000);
const stepUpOtp = await tokenCode(store.db, sealKey, args.serial, now);
send({ type: 'revoking' });
const result = await core.api.tokens.revoke({ sessionId: session.value.sessionId, loginIds: args.targets, authPassword: POP_PASSWORD, otp: stepUpOtp });
send({ type: 'done', outcome: result.ok ? 'ok' : result.error.code, revoked: result.ok ? result.value.revoked.length : 0 });
await store.close();
process.disconnect();

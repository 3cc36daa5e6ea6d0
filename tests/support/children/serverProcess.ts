import { readFileSync } from 'node:fs';
import { createServer } from '../../../main/server/createServer';
import { serverCore } from '../../../main/server/serverCore';
import { TEST_KDF } from '../harness';
import { openAt } from '../stores';
import { RACE_RULES, type ServerArgs, type ServerIn, type ServerOut } from './protocol';

/**
 * One instance of the company server, in its own process with its own pool to the shared store, as behind a
 * load balancer. Argv: ServerArgs as JSON. The clock is the test's (so a round can have a fresh time step);
 * the only other addition is the 'revoking' message, sent as a revocation enters the dispatch.
 */
const args = JSON.parse(process.argv[2]!) as ServerArgs;
const send = (m: ServerOut) => process.send!(m);

let now = 0;
const bugs: string[] = [];
const store = await openAt(args.location);
const core = serverCore({
  store,
  sealKey: Buffer.from(args.sealKey, 'hex'),
  setupPolicy: 'closed',
  kdf: TEST_KDF,
  rules: RACE_RULES,
  clock: () => new Date(now),
  logBug: (channel, error) => bugs.push(`${channel}: ${String(error)}`),
});
const dispatch: typeof core.dispatch = (name, raw) => {
  if (name === 'tokens:revoke') send({ type: 'revoking' });
  return core.dispatch(name, raw);
};
const app = await createServer({
  core: { dispatch, gate: core.gate },
  tls: { cert: readFileSync(args.certFile), key: readFileSync(args.keyFile) },
  rateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
  onClose: () => store.close(),
});
await app.listen({ host: '127.0.0.1', port: 0 });

process.on('message', (m: ServerIn) => {
  if (m.type === 'clock') {
    now = m.now;
    send({ type: 'clock-set' });
  } else {
    send({ type: 'bugs', bugs });
    void app.close().then(() => process.exit(0));
  }
});
send({ type: 'up', port: (app.server.address() as { port: number }).port });

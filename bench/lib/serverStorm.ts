import { Agent, request } from 'node:https';

export type Client = { post(name: string, body: object, sessionId?: string): Promise<{ status: number; body: { ok: boolean; value?: Record<string, unknown> } }> };

/** `connections` keep-alive TLS connections to the server, as that many desktops would hold. */
export function httpsClient(base: string, ca: string, connections: number): Client & { close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: connections, ca });
  return {
    close: () => agent.destroy(),
    post: (name, body, sessionId) =>
      new Promise((resolve, reject) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (sessionId) headers.authorization = `Bearer ${sessionId}`;
        const req = request(new URL(`/api/v1/${name}`, base), { method: 'POST', headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      }),
  };
}

/**
 * Password + OTP logins by `clients` concurrent desktops, one login per user from `users`, as fast as the server
 * answers (`perSecond` undefined) or opened at a fixed rate. Answers each login's latency in ms.
 */
export async function loginStorm(
  client: Client,
  users: readonly { loginId: string; code: () => string }[],
  password: string,
  clients: number,
  perSecond?: number,
): Promise<{ latencies: number[]; seconds: number; failures: number }> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const one = async (i: number) => {
    if (perSecond) {
      const due = started + (i * 1000) / perSecond;
      if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    }
    const user = users[i]!;
    const t0 = performance.now();
    const step = await client.post('auth:login', { loginId: user.loginId, password });
    const done = step.body.ok ? await client.post('auth:verify-otp', { challengeId: step.body.value!.challengeId, otp: user.code() }) : step;
    if (!done.body.ok) failures++;
    latencies.push(performance.now() - t0);
  };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < users.length; i = next++) await one(i);
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, failures };
}

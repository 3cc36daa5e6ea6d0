import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_DEADLINES } from '../ipc/deadlines';
import { DESKTOP_RATE_LIMIT } from './desktopLimit';
import { POOL_DEFAULTS, type PostgresOptions } from '../store/postgres/open';

const port = z.number().int().min(1).max(65_535);

/** `npm run server -- --config <file>`: everything a company server needs, validated before anything starts. */
export const serverConfigSchema = z.strictObject({
  postgres: z.strictObject({
    /** `postgresql://user:password@host:5432/otp` (the password may come from PGPASSWORD or ~/.pgpass instead). */
    url: z.string().startsWith('postgresql://'),
    poolSize: z.number().int().min(1).max(200).default(POOL_DEFAULTS.poolSize),
    statementTimeoutMs: z.number().int().min(100).max(600_000).default(POOL_DEFAULTS.statementTimeoutMs),
    /** A connection, new or free in the pool, within this or the query fails. */
    connectTimeoutMs: z.number().int().min(100).max(600_000).default(POOL_DEFAULTS.connectTimeoutMs),
    /** The client's own limit on any answer (a partition sends none); default the statement timeout + 5 s. */
    queryTimeoutMs: z.number().int().min(100).max(600_000).optional(),
    /** TCP keep-alive probes after this much silence on a connection. */
    keepAliveDelayMs: z.number().int().min(1_000).max(600_000).default(POOL_DEFAULTS.keepAliveDelayMs),
  }),
  tls: z.strictObject({ certFile: z.string().min(1), keyFile: z.string().min(1) }),
  listen: z.strictObject({ host: z.string().min(1).default('127.0.0.1'), port: port.default(8443) }),
  /** 32 bytes as 64 hex digits, in a file only its owner may read (0600), or in an environment variable. */
  sealKey: z.union([z.strictObject({ file: z.string().min(1) }), z.strictObject({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/) })]),
  /**
   * Off by default: the client address (rate limit, logs) is the socket's. Behind a load balancer or reverse
   * proxy, its addresses or CIDR ranges (`["10.0.0.5", "10.1.0.0/16"]`), or the number of proxy hops in front;
   * then the address is read from X-Forwarded-For as those proxies set it. Never `true`: any client could name
   * its own address and so escape the rate limit.
   */
  trustProxy: z.union([z.literal(false), z.array(z.string().min(1)).min(1), z.number().int().min(1).max(10)]).default(false),
  /** Per client address and per instance. */
  rateLimit: z.strictObject({ max: z.number().int().min(1), timeWindowMs: z.number().int().min(1_000) }).default({ max: 600, timeWindowMs: 60_000 }),
  /** Per desktop ID on the sync channels, per instance, besides the per-address limit (main/server/desktopLimit.ts). */
  desktopRateLimit: z.strictObject({ max: z.number().int().min(1), timeWindowMs: z.number().int().min(1_000) }).default(DESKTOP_RATE_LIMIT),
  /** How long a request may take, ordinary and long channels (main/ipc/deadlines.ts): the desktop's figures. */
  deadlines: z
    .strictObject({ normalMs: z.number().int().min(1_000).max(600_000), longMs: z.number().int().min(1_000).max(3_600_000) })
    .refine((d) => d.longMs >= d.normalMs, { message: 'longMs must be at least normalMs' })
    .default(DEFAULT_DEADLINES),
  /** SIGTERM: requests in flight get this long to finish and the pool to close, then the process exits anyway. */
  shutdownTimeoutMs: z.number().int().min(1_000).max(600_000).default(30_000),
  /** Whether connected desktops may create companies through 初期設定; otherwise only `create-company`. */
  setupFromDesktops: z.boolean().default(false),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug']).default('info'),
});

export type ServerConfig = z.output<typeof serverConfigSchema>;

export class ConfigError extends Error {}

/** The store's pool as configured; a command's own takes fewer connections. */
export function postgresOptionsOf(config: ServerConfig, poolSize = config.postgres.poolSize): PostgresOptions {
  const { url, statementTimeoutMs, connectTimeoutMs, queryTimeoutMs, keepAliveDelayMs } = config.postgres;
  return { connectionString: url, poolSize, statementTimeoutMs, connectTimeoutMs, keepAliveDelayMs, ...(queryTimeoutMs === undefined ? {} : { queryTimeoutMs }) };
}

export function readConfig(file: string): ServerConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = serverConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Defence in depth for every log line. The log is never handed a request payload; should a secret reach it
 * anyway, it goes by key (any field whose name says password, OTP, seed, session, login ID...) or by shape
 * (digit runs of an OTP or serial, long random IDs, hex or base32 seeds), at any depth.
 */
export const REDACTED = '[redacted]';

const SECRET_KEY = /pass|otp|seed|secret|session|challenge|setupid|previewid|sharedkey|loginid|token|cookie|authori[sz]ation|payload|request|body|raw|args/i;

/** 6+ digits: an OTP (6-8) or a serial; stack frames' line:column numbers stay shorter. */
const DIGIT_RUN = /\d{6,}/g;
/** 20+ ID characters mixing letters and digits: a session ID (base64url), a hex or base32 seed. */
const RANDOM_RUN = /[A-Za-z0-9_-]{20,}/g;
const MIXED = /(?=.*\d)(?=.*[A-Za-z])/;

export function scrubText(text: string): string {
  return text.replace(RANDOM_RUN, (run) => (MIXED.test(run) ? REDACTED : run)).replace(DIGIT_RUN, REDACTED);
}

const MAX_DEPTH = 5;

/** An Error as plain data: name, message, stack, code and cause (its own fields too, scrubbed like the rest). */
function errorData(error: Error): Record<string, unknown> {
  const own = Object.fromEntries(Object.entries(error));
  return { ...own, type: error.name, message: error.message, stack: error.stack, cause: error.cause };
}

export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (value instanceof Error) return scrub(errorData(value), depth);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out[key] = SECRET_KEY.test(key) ? REDACTED : scrub(item, depth + 1);
  }
  return out;
}

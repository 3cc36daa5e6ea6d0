import fc from 'fast-check';

/**
 * fast-check arbitraries for what a compromised or broken renderer could send over IPC: wrong types, huge
 * strings, prototype-pollution keys, control characters, full-width and mixed scripts, numbers as strings.
 */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const char = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));

const SCRIPTS = ['kmb', 'кмб', 'ｋｍｂ', '熊瀬', 'ＡＢＣ', '٠١٢٣', '०१२', '𝟓𝟐𝟑', '①②③', '⁵⁶', 'e\u0301', '\u202e', '\u200b', '\ufeff', '\ud800', '\udfff', 'İ', 'ß', 'ﬁ'];
const NUMERIC = ['1e6', '0x1F', 'NaN', 'Infinity', '-0', ' 123456 ', '123456\n', '12345６', '１２３４５６', '+123456', '123 456', '0', '-1', '9'.repeat(400)];
const INJECTION = ["' OR 1=1 --", '"; drop table users; --', '${7*7}', '{{7*7}}', '<script>alert(1)</script>', '../../etc/passwd', '%s%s%n', 'kmb05871\u0000admin'];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: char(0, 0x1f), minLength: 1, maxLength: 20 }),
    fc.tuple(fc.constantFrom(1_000, 100_000, 1_000_000), fc.constantFrom('9', 'a', 'Ａ', '💥', '\u0000')).map(([n, c]) => c.repeat(n)),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).map(fullWidth),
    fc.array(fc.constantFrom(...SCRIPTS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
    fc.oneof(fc.integer().map(String), fc.double().map(String), fc.constantFrom(...NUMERIC)),
    fc.constantFrom(...INJECTION),
  );

export const hostileKey = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isAdmin', 'userType', 'sessionId', ''),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );

/** Objects that try to reach Object.prototype, as JSON.parse or structured clone would hand them over. */
const pollution = (): fc.Arbitrary<unknown> =>
  fc.constantFrom(
    () => JSON.parse('{"__proto__":{"polluted":true}}'),
    () => ({ constructor: { prototype: { polluted: true } } }),
    () => JSON.parse('{"__proto__":{"__proto__":{"polluted":true}}}'),
    () => Object.assign(Object.create(null), { polluted: true }),
  ).map((make) => make());

export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileString() },
    fc.oneof(fc.integer(), fc.double(), fc.bigInt(), fc.boolean(), fc.constantFrom(null, undefined, Number.MAX_SAFE_INTEGER + 2, -0)),
    fc.oneof(fc.date({ noInvalidDate: false }), fc.uint8Array({ maxLength: 64 }), fc.array(hostileString(), { maxLength: 5 })),
    pollution(),
    fc.anything({ maxDepth: 3, key: hostileKey(), withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
  );

/** An own property, even `__proto__` (an object literal or spread would set the prototype instead). */
function withOwn(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** A valid request of one channel made hostile: fields replaced, a hostile key added, a field dropped, or all of it replaced. */
export function hostilePayload(template: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(template);
  const added = { weight: 2, arbitrary: fc.tuple(hostileKey(), hostileValue()).map(([k, v]) => withOwn(template, k, v)) };
  // A request without fields (setup:status) can only gain a key or be replaced.
  if (keys.length === 0) return fc.oneof(added, hostileValue());
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...keys), hostileValue()).map(([k, v]) => withOwn(template, k, v)) },
    fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(template[k]), hostileValue())]))),
    added,
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(template).filter(([key]) => key !== k))),
    hostileValue(),
  );
}

/** Values the contract accepts though they look hostile: what gets past the schema to the services. */
export const validShape = {
  loginId: fc
    .tuple(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: 4, maxLength: 32 }), fc.boolean(), fc.constantFrom('', ' ', '\u3000', '\t'))
    .map(([id, wide, pad]) => pad + (wide ? fullWidth(id) : id) + pad),
  digits: (min: number, max: number) =>
    fc
      .tuple(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max }), fc.constantFrom('ascii', 'full', 'math'))
      .map(([d, form]) => (form === 'full' ? fullWidth(d) : form === 'math' ? [...d].map((c) => String.fromCodePoint(0x1d7ce + Number(c))).join('') : d)),
  // Up to 64 code points: at most 128 UTF-16 units, the contract's limit.
  password: fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
  noticeId: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 32 + 1)),
};

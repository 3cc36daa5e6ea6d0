/** Malformed variants of valid requests, shared by the dispatch's and the HTTPS server's malformed suites. */
const LONG = 'x'.repeat(10_000);
const wrongType = (v: unknown): unknown[] =>
  typeof v === 'string' ? [123, true, null, [v], { v }] : typeof v === 'number' ? ['1', 1.5, -1, 0, null] : ['ippan001', [123], [], null];

/** Every malformed variant of one valid request, labelled. */
export function variants(template: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'kmb05871'],
    ['a number', 42],
    ['an array', [template]],
    ['an empty object', {}],
    ['an extra key', { ...template, admin: true }],
    ['a __proto__ key', JSON.parse(`{"__proto__":{"admin":true}${Object.keys(template).length > 0 ? ',' : ''}${JSON.stringify(template).slice(1)}`)],
    ['a constructor key', { ...template, constructor: { prototype: {} } }],
  ];
  for (const [key, value] of Object.entries(template)) {
    const { [key]: _dropped, ...without } = template;
    out.push([`${key} missing`, without]);
    for (const bad of wrongType(value)) out.push([`${key} = ${JSON.stringify(bad)}`, { ...template, [key]: bad }]);
    out.push([`${key} of 10,000 characters`, { ...template, [key]: Array.isArray(value) ? [LONG] : LONG }]);
  }
  return out;
}

const DIGITS = [...'0123456789'];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const SYMBOLS = [...'!#$%&()*+-./:;<=>?@[]^_{|}~'];

export type KeyboardLayout = { readonly rows: readonly (readonly string[])[] };

/** Fisher-Yates with the platform's CSPRNG: key positions must not be guessable from one session to the next. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  const random = new Uint32Array(out.length);
  crypto.getRandomValues(random);
  for (let i = out.length - 1; i > 0; i--) {
    const j = random[i]! % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const chunk = (items: readonly string[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * SPEC R-LOG-1: a fresh random order each time the keyboard opens, so that where a click lands says nothing
 * about the key pressed. Digits, letters and symbols keep their own rows so the keyboard stays usable.
 */
export function randomLayout(): KeyboardLayout {
  return { rows: [shuffled(DIGITS), ...chunk(shuffled(LETTERS), 9), ...chunk(shuffled(SYMBOLS), 14)] };
}

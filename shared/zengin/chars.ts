/**
 * SPEC R-TRX-2: the 全銀 character set of 受取人名 and 依頼人名 (and of the 全銀協 files of R-TRX-7), written once
 * here for main and renderer. The width and kana conversions are encoding-japanese's (the library that also reads
 * and writes the files' Shift_JIS and JIS 8-bit); only the rules of the 全銀 set itself are ours. Zod-free, like
 * shared/input/limits.ts, so a screen converts as the user types without bundling zod; the boundary's schema is
 * shared/contract/transferModels.ts.
 */
// A default import: the package is CommonJS, and Node's ESM loader sees no named exports in it.
import Encoding from 'encoding-japanese';

const HALF_WIDTH_KANA = 'ｦｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ';

/** The one table of the 全銀 set: half-width digits, upper-case letters, half-width katakana, ﾞ ﾟ and the symbols. */
export const ZENGIN_CHARS: ReadonlySet<string> = new Set([
  ...'0123456789',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...HALF_WIDTH_KANA,
  ...' ()-./,｢｣\\',
]);

/** Maximum lengths, in 全銀 characters (a dakuten counts as one, as in the 120-byte records). */
export const ZENGIN_MAX = { payeeName: 30, requesterName: 40 } as const;

/**
 * The 全銀 set has no small kana: they become large. ヵヶヮ have no half-width form, so they are mapped before the
 * half-width conversion. The long-vowel mark is written as a hyphen in the set, as banks convert it, and the yen
 * sign is the set's backslash (the same byte, 0x5C, in JIS X 0201).
 */
const REWRITES: Readonly<Record<string, string>> = {
  ｧ: 'ｱ', ｨ: 'ｲ', ｩ: 'ｳ', ｪ: 'ｴ', ｫ: 'ｵ', ｯ: 'ﾂ', ｬ: 'ﾔ', ｭ: 'ﾕ', ｮ: 'ﾖ',
  ヵ: 'ｶ', ヶ: 'ｹ', ヮ: 'ﾜ', ゕ: 'ｶ', ゖ: 'ｹ', ゎ: 'ﾜ',
  ｰ: '-', '¥': '\\', '￥': '\\',
};

const rewrite = (text: string): string => [...text].map((c) => REWRITES[c] ?? c).join('');

/** One typed character in 全銀 form (ガ → ｶﾞ: two characters); anything the set lacks is left as it is. */
function normaliseChar(c: string): string {
  const ascii = Encoding.toHankakuSpace(Encoding.toHankakuCase(rewrite(c)));
  const kana = rewrite(Encoding.toHankanaCase(Encoding.toKatakanaCase(ascii)));
  return /^[a-z]$/.test(kana) ? kana.toUpperCase() : kana;
}

/** What a user typed in 全銀 form: やまだ たろう (either space) → ﾔﾏﾀﾞ ﾀﾛｳ, ショウジ → ｼﾖｳｼﾞ, ｋａ） → KA). */
export function toZenginText(input: string): string {
  return [...input].map(normaliseChar).join('');
}

export type ZenginTextProblem =
  /** A character outside the set after conversion; `position` is 1-based in the text as typed. */
  | { kind: 'CHAR'; position: number; char: string }
  | { kind: 'TOO_LONG'; length: number; max: number }
  | { kind: 'EMPTY' };

/** The converted text and every reason it is refused (none: accepted). */
export function checkZenginText(input: string, max: number): { value: string; problems: ZenginTextProblem[] } {
  const typed = [...input];
  const converted = typed.map(normaliseChar);
  const problems: ZenginTextProblem[] = converted.flatMap((c, i) =>
    [...c].every((ch) => ZENGIN_CHARS.has(ch)) ? [] : [{ kind: 'CHAR' as const, position: i + 1, char: typed[i]! }],
  );
  const value = converted.join('');
  const length = [...value].length;
  if (length === 0) problems.push({ kind: 'EMPTY' });
  if (length > max) problems.push({ kind: 'TOO_LONG', length, max });
  return { value, problems };
}

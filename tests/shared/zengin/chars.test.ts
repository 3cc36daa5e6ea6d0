import { describe, expect, it } from 'vitest';
import { checkZenginText, toZenginText, ZENGIN_CHARS, ZENGIN_MAX } from '../../../shared/zengin/chars';

/** SPEC R-TRX-2: 受取人名 and 依頼人名 in the 全銀 character set. */
const payee = (text: string) => checkZenginText(text, ZENGIN_MAX.payeeName);

describe('全銀 characters (SPEC R-TRX-2)', () => {
  it.each([
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['やまだ たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['やまだ　たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ヤマダ　タロウ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ｶ)ﾃｽﾄ', 'ｶ)ﾃｽﾄ'],
    ['カ）テスト', 'ｶ)ﾃｽﾄ'],
    ['ショウジ', 'ｼﾖｳｼﾞ'],
    ['きっぷ', 'ｷﾂﾌﾟ'],
    ['ｧｨｩｪｫｯｬｭｮ', 'ｱｲｳｴｵﾂﾔﾕﾖ'],
    ['ヵヶヮ', 'ｶｹﾜ'],
    ['ヴィーナス', 'ｳﾞｲ-ﾅｽ'],
    ['ﾎﾟｲﾝﾄ', 'ﾎﾟｲﾝﾄ'],
    ['ａｂｃ　ＸＹＺ　０１２', 'ABC XYZ 012'],
    ['abc-1.2/3,4', 'ABC-1.2/3,4'],
    ['「テスト」（カ', '｢ﾃｽﾄ｣(ｶ'],
    ['￥', '\\'],
  ])('R-TRX-2: %s is converted to %s and accepted', (typed, zengin) => {
    expect(toZenginText(typed)).toBe(zengin);
    expect(payee(typed)).toEqual({ value: zengin, problems: [] });
  });

  it('R-TRX-2: every character of the result is in the one table', () => {
    for (const c of toZenginText('ぁあぃいゔがぱゃっゎアィヴヵヶヮー０９ＡＺａｚ（）')) expect(ZENGIN_CHARS.has(c)).toBe(true);
    for (const c of 'abcｰｧｯ･｡､@_!ア') expect(ZENGIN_CHARS.has(c)).toBe(false);
  });

  it('R-TRX-2: 株式会社 is refused at positions 1 to 4', () => {
    expect(payee('株式会社').problems).toEqual([
      { kind: 'CHAR', position: 1, char: '株' },
      { kind: 'CHAR', position: 2, char: '式' },
      { kind: 'CHAR', position: 3, char: '会' },
      { kind: 'CHAR', position: 4, char: '社' },
    ]);
  });

  it('R-TRX-2: @ is refused with its position in the text as typed, after kana that grew', () => {
    // ガ becomes two characters (ｶﾞ); the position is still the one the user typed.
    expect(payee('ガス@ﾃﾞﾝｷ').problems).toEqual([{ kind: 'CHAR', position: 3, char: '@' }]);
    expect(payee('ｱ_ｲ・ｳ😀').problems).toEqual([
      { kind: 'CHAR', position: 2, char: '_' },
      { kind: 'CHAR', position: 4, char: '・' },
      { kind: 'CHAR', position: 6, char: '😀' },
    ]);
  });

  it('R-TRX-2: 受取人名 holds 30 characters, not 31; 依頼人名 holds 40', () => {
    expect(payee('ｱ'.repeat(30)).problems).toEqual([]);
    expect(payee('ｱ'.repeat(31)).problems).toEqual([{ kind: 'TOO_LONG', length: 31, max: 30 }]);
    // A dakuten is a character of its own: 15 ガ are 30, 16 are 32.
    expect(payee('ガ'.repeat(15)).problems).toEqual([]);
    expect(payee('ガ'.repeat(16)).problems).toEqual([{ kind: 'TOO_LONG', length: 32, max: 30 }]);
    expect(checkZenginText('ｱ'.repeat(40), ZENGIN_MAX.requesterName).problems).toEqual([]);
    expect(checkZenginText('ｱ'.repeat(41), ZENGIN_MAX.requesterName).problems).toEqual([{ kind: 'TOO_LONG', length: 41, max: 40 }]);
  });

  it('R-TRX-2: an empty name is refused', () => {
    expect(payee('').problems).toEqual([{ kind: 'EMPTY' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { branchesOf, findBank, findBranch, searchBanks, searchBranches, SEARCH_LIMIT } from '../../../main/banks/search';

/** SPEC R-TRX-1: banks and branches exist in the 全銀 code list shipped with the release (zengin-code). */
const codes = (entries: { code: string }[]) => entries.map((e) => e.code);

describe('the 全銀 code list (SPEC R-TRX-1)', () => {
  it('R-TRX-1: the big banks are found by code with their names', () => {
    expect(findBank('0001')).toEqual({ code: '0001', name: 'みずほ', kana: 'ミズホ' });
    expect(findBank('0005')?.name).toBe('三菱ＵＦＪ');
    expect(findBank('0009')?.name).toBe('三井住友');
    expect(findBank('9900')?.name).toBe('ゆうちょ');
  });

  it('R-TRX-1: a branch of a bank is found by both codes', () => {
    expect(findBranch('0001', '001')).toEqual({ code: '001', name: '東京営業部', kana: 'トウキヨウ' });
    expect(findBranch('0005', '100')?.name).toBe('大阪公務部');
  });

  it('R-TRX-1: an unknown or malformed code is undefined', () => {
    expect(findBank('0002')).toBeUndefined();
    expect(findBank('1')).toBeUndefined();
    expect(findBank('toString')).toBeUndefined();
    expect(findBranch('0001', '999')).toBeUndefined();
    expect(findBranch('0002', '001')).toBeUndefined();
    expect(branchesOf('0002')).toEqual([]);
  });

  it("R-TRX-1: a bank's branches come in code order, all of them", () => {
    const branches = codes(branchesOf('0009'));
    expect(branches.length).toBeGreaterThan(300);
    expect(branches).toEqual([...branches].sort());
    expect(new Set(branches).size).toBe(branches.length);
  });
});

describe('bank and branch search (SPEC R-TRX-1)', () => {
  it('R-TRX-1: digits match codes by prefix, full-width digits too', () => {
    expect(codes(searchBanks('0001'))).toEqual(['0001']);
    expect(codes(searchBanks('000'))).toEqual(['0001', '0005', '0009']);
    expect(codes(searchBanks('０００５'))).toEqual(['0005']);
    expect(searchBanks('0002')).toEqual([]);
  });

  it('R-TRX-1: a name matches in kanji, with full- or half-width letters', () => {
    expect(codes(searchBanks('三井住友')).at(0)).toBe('0009');
    expect(codes(searchBanks('三菱')).slice(0, 2)).toEqual(['0005', '0288']);
    expect(codes(searchBanks('ufj'))).toEqual(codes(searchBanks('ＵＦＪ')));
    expect(codes(searchBanks('ufj'))).toContain('0005');
  });

  it('R-TRX-1: kana match typed in hiragana, full-width or half-width katakana', () => {
    for (const typed of ['みずほ', 'ミズホ', 'ﾐｽﾞﾎ', 'みず']) expect(codes(searchBanks(typed)).at(0)).toBe('0001');
    expect(codes(searchBanks('みついすみとも')).at(0)).toBe('0009');
  });

  it('R-TRX-1: small kana typed find the list’s large kana (とうきょう finds トウキヨウ)', () => {
    expect(codes(searchBranches('0001', 'とうきょう')).at(0)).toBe('001');
    expect(codes(searchBranches('0001', 'ﾄｳｷｮｳ')).at(0)).toBe('001');
  });

  it('R-TRX-1: prefix matches come first, then matches inside the name, each in code order', () => {
    const found = searchBanks('しんきん');
    expect(found[0]?.name).toBe('信金中央金庫');
    expect(found.length).toBe(SEARCH_LIMIT);
    expect(codes(found.slice(1))).toEqual([...codes(found.slice(1))].sort());
    expect(found.slice(1).every((b) => b.kana.includes('シンキン'))).toBe(true);
  });

  it('R-TRX-1: a name that starts with the query beats a lower code that only contains it', () => {
    // 中央信組 (2556) and 中央労金 (2963) start with 中央; 山梨中央 (0142) only contains it.
    expect(codes(searchBanks('中央', 3))).toEqual(['2556', '2963', '0142']);
    expect(codes(searchBanks('ちゅうおう', 3))).toEqual(['2556', '2963', '0142']);
    expect(codes(searchBanks('あおぞら'))).toEqual(['0398', '9338', '0310']);
  });

  it('R-TRX-1: the first N matches, N a parameter; an empty query finds nothing', () => {
    expect(searchBanks('し', 5)).toHaveLength(5);
    expect(searchBranches('0005', '東京', 3)).toHaveLength(3);
    expect(searchBanks('  ')).toEqual([]);
    expect(searchBranches('0002', '東京')).toEqual([]);
    expect(searchBanks('存在しない銀行')).toEqual([]);
  });

  it('R-TRX-1: branch search by code prefix within the bank only', () => {
    const found = searchBranches('0009', '10');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((b) => b.code.startsWith('10') && findBranch('0009', b.code) !== undefined)).toBe(true);
  });
});

import { toZenginText } from '../../shared/zengin/chars';
import { bankIndex, nameKey, type CodeEntry, type Indexed } from './codeList';

/**
 * SPEC R-TRX-1: look-ups and the type-ahead search of the payee screens. A query of digits (half- or full-width)
 * matches codes by prefix; any other query matches the name (kanji, ＵＦＪ or UFJ) or the kana, typed in
 * hiragana, full-width or half-width katakana, small kana or large (とうきょう finds トウキヨウ). Prefix matches come
 * before matches inside the name, each group in code order.
 */
export const SEARCH_LIMIT = 20;

export function findBank(code: string): CodeEntry | undefined {
  return bankIndex().byCode.get(code)?.bank.entry;
}

export function findBranch(bankCode: string, branchCode: string): CodeEntry | undefined {
  return bankIndex().byCode.get(bankCode)?.byCode.get(branchCode)?.entry;
}

export function branchesOf(bankCode: string): CodeEntry[] {
  return (bankIndex().byCode.get(bankCode)?.branches ?? []).map((b) => b.entry);
}

export function searchBanks(query: string, limit = SEARCH_LIMIT): CodeEntry[] {
  return search(bankIndex().banks, query, limit);
}

export function searchBranches(bankCode: string, query: string, limit = SEARCH_LIMIT): CodeEntry[] {
  return search(bankIndex().byCode.get(bankCode)?.branches ?? [], query, limit);
}

/** 0: a prefix of the code, the name or the kana; 1: inside the name or the kana; null: no match. */
type Rank = (e: Indexed) => 0 | 1 | null;

function rankFor(query: string): Rank | null {
  const folded = nameKey(query.trim());
  if (folded === '') return null;
  if (/^\d+$/.test(folded)) return (e) => (e.entry.code.startsWith(folded) ? 0 : null);
  const kana = toZenginText(folded);
  return (e) => {
    if (e.nameKey.startsWith(folded) || e.kanaKey.startsWith(kana)) return 0;
    return e.nameKey.includes(folded) || e.kanaKey.includes(kana) ? 1 : null;
  };
}

/** One pass over entries already in code order: the first `limit` prefix matches, then inner ones to fill up. */
function search(entries: readonly Indexed[], query: string, limit: number): CodeEntry[] {
  const rank = rankFor(query);
  if (!rank) return [];
  const first: CodeEntry[] = [];
  const then: CodeEntry[] = [];
  for (const e of entries) {
    const r = rank(e);
    if (r === 0) first.push(e.entry);
    else if (r === 1 && then.length < limit) then.push(e.entry);
    if (first.length === limit) break;
  }
  return [...first, ...then].slice(0, limit);
}

import { createRequire } from 'node:module';
import { toZenginText } from '../../shared/zengin/chars';

/**
 * SPEC R-TRX-1: the 全銀 bank and branch code list shipped with the release, from the maintained `zengin-code`
 * package (its version names the data's date). Its 5 MB module is required on first use, not at start-up, and
 * indexed once: banks in code order, each bank's branches in code order, with the keys the search compares.
 */
type Raw = Record<string, { code: string; name: string; kana: string; branches: Record<string, { code: string; name: string; kana: string }> }>;

/** What a screen shows of a bank or a branch: its code, its name (kanji) and its kana (both as the list has them). */
export type CodeEntry = { readonly code: string; readonly name: string; readonly kana: string };

/** An entry with the search keys: the name folded by NFKC (ＵＦＪ → UFJ), the kana in 全銀 half-width form. */
export type Indexed = { readonly entry: CodeEntry; readonly nameKey: string; readonly kanaKey: string };

export type BankIndex = {
  readonly banks: readonly Indexed[];
  readonly byCode: ReadonlyMap<string, { readonly bank: Indexed; readonly branches: readonly Indexed[]; readonly byCode: ReadonlyMap<string, Indexed> }>;
};

export const nameKey = (text: string): string => text.normalize('NFKC').toUpperCase();

function indexed({ code, name, kana }: CodeEntry): Indexed {
  return { entry: Object.freeze({ code, name, kana }), nameKey: nameKey(name), kanaKey: toZenginText(kana) };
}

const byCodeOrder = (a: Indexed, b: Indexed) => (a.entry.code < b.entry.code ? -1 : 1);

function build(raw: Raw): BankIndex {
  const byCode = new Map(
    Object.values(raw).map((b) => {
      const branches = Object.values(b.branches).map(indexed).sort(byCodeOrder);
      return [b.code, { bank: indexed(b), branches, byCode: new Map(branches.map((br) => [br.entry.code, br])) }] as const;
    }),
  );
  return { banks: [...byCode.values()].map((v) => v.bank).sort(byCodeOrder), byCode };
}

let index: BankIndex | undefined;

/** The index, built on first use (about half a second: the module's parse is most of it). */
export function bankIndex(): BankIndex {
  index ??= build(createRequire(import.meta.url)('zengin-code') as Raw);
  return index;
}

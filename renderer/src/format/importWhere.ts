import type { Dictionary } from '../i18n/ja';

/**
 * Where main/seedFiles found a problem ('file', 'line 12', 'KeyPackage 3', 'KeyPackage 3 (serial 523405696)'),
 * in the reader's language; anything else is shown as it came.
 */
export function describeWhere(where: string, t: Dictionary): string {
  const w = t.importWhere;
  if (where === 'file') return w.file;
  const line = /^line (\d+)$/.exec(where);
  if (line) return w.line(line[1]!);
  const element = /^KeyPackage (\d+)(?: \(serial ([0-9]+)\))?$/.exec(where);
  if (element) return w.element(element[1]!) + (element[2] ? w.serial(element[2]) : '');
  return where;
}

/** A problem code of main/seedFiles (or of the preview's classification) in words; unknown codes get a general one. */
export function describeProblem(reason: string, t: Dictionary): string {
  return Object.hasOwn(t.importProblems, reason) ? t.importProblems[reason as keyof Dictionary['importProblems']] : t.importProblemUnknown;
}

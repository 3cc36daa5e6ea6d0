import { parse } from 'csv-parse/sync';
import { SerialClaims, collect, tooMany } from './entries';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, tokenOfRow, type Column, type Columns, type Row } from './csvRow';
import { decodeSpreadsheetText } from './textDecode';
import { MAX_IMPORT_BYTES, fatal, type ParseResult } from './types';

/**
 * Microsoft Entra's hardware OATH token CSV (upn, serial number, secret key, time interval, manufacturer, model)
 * plus an `expiry date` column. Splitting is csv-parse's (RFC 4180 quoting, embedded commas, quotes and
 * newlines, CRLF): a widely used, maintained parser rather than one more hand-written one.
 */
type CsvRecord = { record: string[]; raw: string };

/** Header names compared loosely: Excel users retype them ("Serial Number", full-width spaces). */
const headerName = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

function columnsOf(header: string[]): Columns | ParseResult {
  const names = header.map(headerName);
  const columns: Columns = new Map();
  for (const name of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as Column[]) {
    const index = names.indexOf(name);
    if (index >= 0 && names.lastIndexOf(name) !== index) return fatal('MALFORMED_FILE', `column ${name} twice`, 'line 1');
    if (index >= 0) columns.set(name, index);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  return missing.length > 0 ? fatal('MISSING_COLUMN', missing.join(', '), 'line 1') : columns;
}

/**
 * Each row with the line it starts on, counted here from the raw text: csv-parse's own counter counts a CRLF inside
 * a quoted field as two lines, and a row number the user cannot find in the file helps nobody.
 */
function numbered(records: CsvRecord[]): Row[] {
  let line = 1;
  return records.map(({ record, raw }) => {
    const row = { line, fields: record };
    line += raw.match(/\r\n|\r|\n/g)?.length ?? 0;
    return row;
  });
}

function split(text: string): CsvRecord[] | ParseResult {
  try {
    return parse(text, { raw: true, relax_column_count: true, trim: true }) as unknown as CsvRecord[];
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    return fatal('MALFORMED_FILE', (e as { code?: string }).code ?? 'csv', typeof line === 'number' ? `line ${line}` : 'file');
  }
}

export function parseEntraCsv(bytes: Buffer, options: { maxEntries?: number } = {}): ParseResult {
  if (bytes.length > MAX_IMPORT_BYTES) return fatal('FILE_TOO_LARGE', `${bytes.length} bytes`);
  const decoded = decodeSpreadsheetText(bytes);
  if (!decoded.ok) return fatal('UNSUPPORTED_ENCODING', decoded.detail);
  const records = split(decoded.text);
  if (!Array.isArray(records)) return records;
  const [header, ...data] = numbered(records);
  const columns = columnsOf(header?.fields ?? []);
  if (!(columns instanceof Map)) return columns;
  const claims = new SerialClaims();
  // Blank lines, and the ",,,,," rows Excel leaves after deleted lines, carry nothing: skipped, not reported.
  const rows = data.filter((r) => r.fields.some((f) => f !== ''));
  const refused = tooMany(rows.length, options.maxEntries);
  if (refused) return refused;
  const width = header!.fields.length;
  return claims.refuseFirsts(collect(rows.map((row) => ({ where: () => `line ${row.line}`, read: () => tokenOfRow(row, columns, width, claims) }))));
}

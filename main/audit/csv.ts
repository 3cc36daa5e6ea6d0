import { wallClockAt } from '../../shared/time/japan';

/** Excel reads a UTF-8 file as the machine's code page (Shift_JIS in Japan) unless it starts with this BOM. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A cell Excel would run as a formula (=, +, -, @, or a leading tab or CR) gets a leading single quote (OWASP CSV
 * injection); then RFC 4180 quoting for commas, quotes and line breaks.
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** RFC 4180: CRLF after every record, the header included. */
export function csvFile(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const text = [header, ...rows].map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
  return Buffer.concat([BOM, Buffer.from(text, 'utf8')]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026/11/24 10:00:30 in Japan time, whatever the computer's zone (DESIGN-NOTES 5). */
export function jstDateTime(at: Date): string {
  const w = wallClockAt(at);
  return `${w.year}/${pad(w.month)}/${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** 20261124-1000: for a file name, in Japan time. */
export function jstStamp(at: Date): string {
  const w = wallClockAt(at);
  return `${w.year}${pad(w.month)}${pad(w.day)}-${pad(w.hour)}${pad(w.minute)}`;
}

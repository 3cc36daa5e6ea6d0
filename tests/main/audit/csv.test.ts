import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, jstDateTime, jstStamp } from '../../../main/audit/csv';

describe('CSV for Excel (SPEC R-GEN-2 export)', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+81', "'+81"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a=b', 'a=b'],
    ['熊瀬 太郎', '熊瀬 太郎'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('a file is the BOM, then CRLF-terminated records', () => {
    expect(csvFile(['日時', '結果'], [['x', '成功']]).toString('hex')).toBe(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('日時,結果\r\nx,成功\r\n')]).toString('hex'));
  });

  it('DESIGN-NOTES 5: Japan time whatever the instant is written in; midnight rolls the date', () => {
    expect(jstDateTime(new Date('2026-11-24T15:00:00Z'))).toBe('2026/11/25 00:00:00');
    expect(jstStamp(new Date('2026-11-24T14:59:59Z'))).toBe('20261124-2359');
  });
});

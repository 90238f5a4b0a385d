import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/api/registration/admin/export';

describe("the editors' CSV export", () => {
  it('quotes what RFC 4180 requires and nothing else', () => {
    expect(csvCell('Ada Reader')).toBe('Ada Reader');
    expect(csvCell('Coop, "Quoted"')).toBe('"Coop, ""Quoted"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    for (const formula of ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB']) {
      expect(csvCell(formula).replace(/^"/, '').startsWith("'"), formula).toBe(true);
    }
  });

  it('writes dates as ISO 8601, whether the database gave a Date or epoch milliseconds (SQLite)', () => {
    expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvCell(Date.parse('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvCell(12)).toBe('12');
  });
});

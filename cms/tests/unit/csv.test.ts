import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/api/registration/admin/export';

/** The editors' CSV export: what a registrant typed never runs in a spreadsheet, whatever its separator. */
describe('CSV cells', () => {
  it('quotes every cell', () => {
    expect(csvCell('Ada Reader')).toBe('"Ada Reader"');
    expect(csvCell('Coop, "Quoted"')).toBe('"Coop, ""Quoted"""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(new Date('2025-06-03T07:30:00Z'))).toBe('"2025-06-03T07:30:00.000Z"');
  });

  it('neutralises a formula at the start of the cell', () => {
    for (const [value, cell] of [
      ['=1+2', `"'=1+2"`],
      ['+33 1 23 45 67 89', `"'+33 1 23 45 67 89"`],
      ['-2', `"'-2"`],
      ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
      ['\t=1+2', `"'\t=1+2"`],
      ['\r=1+2', `"'\r=1+2"`],
      [' =1+2', `"' =1+2"`],
      ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ]) {
      expect(csvCell(value), JSON.stringify(value)).toBe(cell);
    }
  });

  it('neutralises a formula after a separator a spreadsheet may split on (; or ,) or a line break', () => {
    expect(csvCell('Probe;=1+2')).toBe(`"Probe;'=1+2"`);
    expect(csvCell('Probe,=1+2')).toBe(`"Probe,'=1+2"`);
    expect(csvCell('Probe; @SUM(A1)')).toBe(`"Probe;' @SUM(A1)"`);
    expect(csvCell('Probe\n-1+2')).toBe(`"Probe\n'-1+2"`);
    expect(csvCell('a;=1;b,+2')).toBe(`"a;'=1;b,'+2"`);
    // Whatever a spreadsheet splits the quoted cell on, no piece starts a formula.
    for (const value of ['Probe;=1+2', 'x, @cmd', 'y;\t=2', 'z\r\n=3', '==;;++']) {
      const cell = csvCell(value).slice(1, -1);
      for (const piece of cell.split(/[;,\r\n"]/))
        expect(piece.trimStart(), `${JSON.stringify(value)} → ${JSON.stringify(piece)}`).not.toMatch(/^[=+\-@\t]/);
    }
  });

  it('leaves ordinary text as it is', () => {
    expect(csvCell('Jean-Pierre Dupont')).toBe('"Jean-Pierre Dupont"');
    expect(csvCell('jean-pierre@example.org')).toBe('"jean-pierre@example.org"');
    expect(csvCell('Coop, Mutual & Co')).toBe('"Coop, Mutual & Co"');
  });
});

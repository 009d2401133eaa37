/**
 * The names the shell suggests in "save as" dialogs (electron/fileNames.ts): never a path,
 * nothing Windows refuses or silently changes, nothing that disguises the extension.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME, safeFileName, safePdfFileName, safeSaveFileName } from '../../../electron/fileNames';

describe('safePdfFileName', () => {
  it('keeps an ordinary Polish name and adds .pdf once', () => {
    expect(safePdfFileName('Plan pracy – rodzina Żółkiewskich 03.12.2026')).toBe('Plan pracy – rodzina Żółkiewskich 03.12.2026.pdf');
    expect(safePdfFileName('Opinia.pdf')).toBe('Opinia.pdf');
    expect(safePdfFileName('Opinia.PDF')).toBe('Opinia.PDF');
    expect(safePdfFileName('GOPS/2026/15')).toBe('GOPS 2026 15.pdf');
  });

  it('path traversal never survives: no separators, no leading dots, no drive or UNC prefix', () => {
    for (const evil of ['../../etc/passwd', '..\\..\\Windows\\System32\\drivers\\etc\\hosts', '/etc/passwd', 'C:\\Users\\Public\\x', '\\\\serwer\\udział\\x', '..', '.', '....//....//x', '%2e%2e%2fx']) {
      const n = safePdfFileName(evil);
      expect(n, evil).not.toMatch(/[/\\:]/);
      expect(n, evil).not.toMatch(/^\./);
      expect(n.endsWith('.pdf'), evil).toBe(true);
    }
    expect(safePdfFileName('../../etc/passwd')).toBe('etc passwd.pdf');
    expect(safePdfFileName('..')).toBe('dokument.pdf');
  });

  it('Windows reserved device names are never the name, whatever the case or extension', () => {
    for (const [given, expected] of [
      ['CON', '_CON.pdf'],
      ['con', '_con.pdf'],
      ['NUL', '_NUL.pdf'],
      ['nul.pdf', '_nul.pdf'],
      ['COM1', '_COM1.pdf'],
      ['com9.txt', '_com9.txt.pdf'],
      ['LPT1', '_LPT1.pdf'],
      ['con.txt', '_con.txt.pdf'],
      ['AUX .pdf', '_AUX.pdf'],
      ['PRN', '_PRN.pdf'],
      ['COM¹', '_COM¹.pdf'],
    ]) {
      expect(safePdfFileName(given), given).toBe(expected);
    }
    // Only the whole first part is a device: these are ordinary names.
    expect(safePdfFileName('Console')).toBe('Console.pdf');
    expect(safePdfFileName('COM10')).toBe('COM10.pdf');
    expect(safePdfFileName('Konopnicka')).toBe('Konopnicka.pdf');
  });

  it('trailing dots and spaces (which Windows drops) and control characters go', () => {
    expect(safePdfFileName('Opinia.  ')).toBe('Opinia.pdf');
    expect(safePdfFileName('Opinia . . .pdf')).toBe('Opinia.pdf');
    expect(safePdfFileName(' \t Opinia\n\r o rodzinie\u0000 ')).toBe('Opinia o rodzinie.pdf');
    expect(safePdfFileName('a<b>c:d"e|f?g*h')).toBe('a b c d e f g h.pdf');
  });

  it('direction overrides and invisible characters cannot disguise the extension', () => {
    expect(safePdfFileName('faktura\u202Efdp.exe')).toBe('fakturafdp.exe.pdf');
    expect(safePdfFileName('\u200Bopinia\uFEFF')).toBe('opinia.pdf');
  });

  it(`at most ${MAX_FILE_NAME} characters, cut on whole characters (no half of an emoji or a Polish letter)`, () => {
    const long = `${'Żółć '.repeat(40)}😀😀😀 koniec`;
    const n = safePdfFileName(long);
    expect([...n].length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(n.endsWith('.pdf')).toBe(true);
    expect(n).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
    const emoji = safePdfFileName('😀'.repeat(200));
    expect([...emoji].length).toBe(MAX_FILE_NAME);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('nothing usable, or not a string: the default name', () => {
    for (const x of ['', '   ', '...', '///', null, undefined, 42, { toString: () => 'CON' }]) expect(safePdfFileName(x), String(x)).toBe('dokument.pdf');
  });
});

describe('safeSaveFileName (reports and the art. 15 data)', () => {
  it('ends in the kind asked for, with the same rules', () => {
    expect(safeSaveFileName('Sprawozdanie 2026 H2', 'xlsx')).toBe('Sprawozdanie 2026 H2.xlsx');
    expect(safeSaveFileName('raport.csv', 'csv')).toBe('raport.csv');
    expect(safeSaveFileName('raport.xlsx', 'csv')).toBe('raport.xlsx.csv');
    expect(safeSaveFileName('', 'xlsx')).toBe('sprawozdanie.xlsx');
    expect(safeSaveFileName('', 'json')).toBe('dane.json');
    expect(safeSaveFileName('NUL', 'json')).toBe('_NUL.json');
    expect(safeSaveFileName('../x', 'csv')).toBe('x.csv');
    expect(safeFileName('x', 'pdf', 'f')).toBe('x.pdf');
  });
});

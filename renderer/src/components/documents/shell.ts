/**
 * The shell's document helpers (window.asystaShell.savePdf / print): in Electron both; in the
 * browser preview only savePdf, from the development bridge; absent otherwise.
 */
type Shell = NonNullable<Window['asystaShell']>;

export function documentShell(): { savePdf: Shell['savePdf']; print: Shell['print'] } {
  const shell = (window as Partial<Window>).asystaShell;
  return {
    savePdf: shell && typeof shell.savePdf === 'function' ? shell.savePdf.bind(shell) : undefined,
    print: shell && typeof shell.print === 'function' ? shell.print.bind(shell) : undefined,
  };
}

/** "1 strona", "3 strony", "5 stron", "12 stron", "22 strony". */
export function pagesLabel(n: number): string {
  if (n === 1) return '1 strona';
  const d = n % 10;
  const dd = n % 100;
  return `${n} ${d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? 'strony' : 'stron'}`;
}

/**
 * The shell's pure rules (electron/policy.ts): what the app:// protocol serves, the CSP, and
 * which URLs count as the app's own. Windows path semantics through path.win32.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allowedOrigin, APP_ENTRY_URL, APP_ORIGIN, contentSecurityPolicy, CSP_DIRECTIVES, isAllowedUrl, resolveAppPath } from '../../../electron/policy';

const POSIX_ROOT = '/opt/Asysta/resources/app.asar/out/renderer';
const WIN_ROOT = 'C:\\Program Files\\Asysta\\resources\\app.asar\\out\\renderer';

describe('resolveAppPath: only files under the renderer folder', () => {
  it('serves the entry and the assets', () => {
    expect(resolveAppPath(POSIX_ROOT, APP_ENTRY_URL, path.posix)).toBe(`${POSIX_ROOT}/index.html`);
    expect(resolveAppPath(POSIX_ROOT, 'app://asysta/', path.posix)).toBe(`${POSIX_ROOT}/index.html`);
    expect(resolveAppPath(POSIX_ROOT, 'app://asysta/assets/index-AbC123.js', path.posix)).toBe(`${POSIX_ROOT}/assets/index-AbC123.js`);
    expect(resolveAppPath(POSIX_ROOT, 'app://asysta/assets/Łódź%20mapa.svg?v=1#x', path.posix)).toBe(`${POSIX_ROOT}/assets/Łódź mapa.svg`);
    expect(resolveAppPath(WIN_ROOT, 'app://asysta/assets/index.js', path.win32)).toBe(`${WIN_ROOT}\\assets\\index.js`);
  });

  const ESCAPES = [
    'app://asysta/../secret',
    'app://asysta/%2e%2e/secret',
    'app://asysta/%2E%2E%2Fsecret',
    'app://asysta/assets/..%2f..%2f..%2fetc/passwd',
    'app://asysta/..%5c..%5cWindows%5cwin.ini',
    'app://asysta/assets%5c..%5c..%5csecret',
    'app://asysta/C:/Windows/win.ini',
    'app://asysta/C%3A%5CWindows%5Cwin.ini',
    'app://asysta//serwer/udział/plik',
    'app://asysta/%5c%5cserwer%5cudział%5cplik',
    'app://asysta/index.html%00.js',
    'app://asysta/index.html::$DATA',
    'app://asysta/%E0%A4%A',
  ];
  for (const [name, p, root] of [['POSIX', path.posix, POSIX_ROOT], ['Windows', path.win32, WIN_ROOT]] as const) {
    it(`refuses traversal, drives, UNC, streams and NUL (${name})`, () => {
      for (const url of ESCAPES) {
        const r = resolveAppPath(root, url, p);
        expect(r === null || (r.startsWith(root + p.sep) && !r.slice(root.length).includes('..')), url).toBe(true);
      }
      // Every one of these is refused outright, except where the URL parser itself already
      // folded the path back inside ("/../secret" and "/%2e%2e/secret" are "/secret"; "//serwer" is a folder name).
      const folded = ['app://asysta/../secret', 'app://asysta/%2e%2e/secret', 'app://asysta//serwer/udział/plik'];
      for (const url of ESCAPES.filter((u) => !folded.includes(u))) expect(resolveAppPath(root, url, p), url).toBeNull();
      expect(resolveAppPath(root, folded[0]!, p)).toBe(p.join(root, 'secret'));
    });
  }

  it('refuses Windows device names in any segment and segments Windows would silently change', () => {
    for (const url of [
      'app://asysta/CON',
      'app://asysta/con',
      'app://asysta/NUL.txt',
      'app://asysta/assets/COM1',
      'app://asysta/assets/lpt9.js',
      'app://asysta/aux/index.js',
      'app://asysta/CONIN$',
      'app://asysta/index.html.',
      'app://asysta/index.html%20',
      'app://asysta/assets./index.js',
    ]) {
      expect(resolveAppPath(WIN_ROOT, url, path.win32), url).toBeNull();
    }
    expect(resolveAppPath(WIN_ROOT, 'app://asysta/assets/console.js', path.win32)).toBe(`${WIN_ROOT}\\assets\\console.js`);
    expect(resolveAppPath(WIN_ROOT, 'app://asysta/assets/COM10.js', path.win32)).toBe(`${WIN_ROOT}\\assets\\COM10.js`);
  });

  it('refuses other schemes and hosts', () => {
    for (const url of ['https://asysta/index.html', 'file:///etc/passwd', 'app://inny/index.html', 'app://asysta.evil/index.html', 'app://print/x.html', 'nie-url']) {
      expect(resolveAppPath(POSIX_ROOT, url, path.posix), url).toBeNull();
    }
  });
});

describe('the app’s origin and its navigation rule', () => {
  it('only app://asysta (or the dev server) is ours', () => {
    expect(allowedOrigin()).toBe(APP_ORIGIN);
    expect(allowedOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(isAllowedUrl('app://asysta/index.html#/rodziny', APP_ORIGIN)).toBe(true);
    for (const url of [
      'app://asysta.evil/index.html',
      'app://asysta@evil/index.html',
      'app://ASYSTA/index.html',
      'app://print/abc.html',
      'https://asysta/',
      'http://localhost:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      '',
    ]) {
      expect(isAllowedUrl(url, APP_ORIGIN), url).toBe(false);
    }
    expect(isAllowedUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('production: nothing but the app itself; no inline or eval script, no plugins, no framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it('the meta tag in renderer/index.html says the same (frame-ancestors cannot be set in a meta tag)', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CSP_DIRECTIVES.filter(([k]) => k !== 'frame-ancestors').map(([k, v]) => `${k} ${v}`).join('; '));
  });

  it('development relaxes only what the Vite dev server needs', () => {
    const dev = contentSecurityPolicy('http://localhost:5173/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).toContain("object-src 'none'");
    expect(dev).toContain("frame-ancestors 'none'");
  });
});

/**
 * Serving the renderer: a privileged custom `app://asysta/` scheme over the built `out/renderer`
 * folder (never `file://`), with a path-traversal guard and a strict Content-Security-Policy
 * response header. In development the page comes from the electron-vite dev server instead and
 * the CSP header is added with `webRequest`.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, contentSecurityPolicy, MIME, resolveAppPath } from './policy';

export { APP_ENTRY_URL, APP_ORIGIN } from './policy';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function securityHeaders(csp: string, contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** Serve `root` on app://asysta/ in the given session. Unknown paths fall back to index.html (SPA). */
export function handleAppScheme(ses: Session, root: string, onError: (err: unknown) => void): void {
  const csp = contentSecurityPolicy();
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: securityHeaders(csp, 'text/plain') });
    }
    const file = resolveAppPath(root, request.url);
    if (!file) return new Response(null, { status: 403, headers: securityHeaders(csp, 'text/plain') });
    const ext = extname(file).toLowerCase();
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: securityHeaders(csp, MIME[ext] ?? 'application/octet-stream') });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code === 'ENOENT' || code === 'EISDIR') && (ext === '' || ext === '.html')) {
        // Client-side routes (app://asysta/konta) get the application shell.
        try {
          const index = await readFile(resolve(root, 'index.html'));
          return new Response(index, { status: 200, headers: securityHeaders(csp, MIME['.html']!) });
        } catch (e) {
          onError(e);
        }
      } else if (code !== 'ENOENT') {
        onError(err);
      }
      return new Response(null, { status: 404, headers: securityHeaders(csp, 'text/plain') });
    }
  });
}

/** Development only: add the CSP header to every response from the dev server. */
export function applyDevCsp(ses: Session, devServerUrl: string): void {
  const csp = contentSecurityPolicy(devServerUrl);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

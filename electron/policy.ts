/**
 * Pure (Electron-free, unit-testable) rules of the shell: the app:// origin, the
 * Content-Security-Policy, the path-traversal guard of the protocol handler and the origin check
 * used for navigation and IPC sender validation.
 */
import nodePath, { type PlatformPath } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'asysta';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The production policy; identical to the meta tag in renderer/index.html. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/**
 * In development the Vite dev server needs its HMR websocket and the React Fast Refresh inline
 * preamble; nothing else is relaxed, and none of this applies to the packaged app.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const directives = new Map(CSP_DIRECTIVES);
  if (devServerUrl) {
    const u = new URL(devServerUrl);
    const ws = `${u.protocol === 'https:' ? 'wss' : 'ws'}://${u.host}`;
    directives.set('script-src', "'self' 'unsafe-inline'");
    directives.set('connect-src', `'self' ${ws}`);
  }
  return [...directives].map(([k, v]) => `${k} ${v}`).join('; ');
}

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Windows device names: opening "CON" or "COM1" in any folder opens the device, not a file. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Map a request URL to a file under `root`, or null when it is not ours or escapes the root
 * (`..`, encoded `%2e%2e`, backslashes, absolute or UNC paths, NUL bytes), or names what
 * Windows would not treat as a plain file: a drive or stream (`:`), a device name in any
 * segment (`CON`, `nul.txt`, `COM1`), a segment ending in a dot or space (Windows drops them).
 * `path` is the platform's path module (Windows semantics are tested with `path.win32`).
 */
export function resolveAppPath(root: string, requestUrl: string, path: PlatformPath = nodePath): string | null {
  const { isAbsolute, relative, resolve, sep } = path;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.includes(':')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  for (const segment of pathname.split('/').slice(1)) {
    if (WINDOWS_DEVICE.test(segment.trim()) || /[. ]$/.test(segment)) return null;
  }
  const base = resolve(root);
  const target = resolve(base, `.${pathname}`);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

/** The origin the renderer is allowed to come from (app://asysta, or the dev server). */
export function allowedOrigin(devServerUrl?: string): string {
  return devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // Non-special schemes report origin "null" in WHATWG URL; rebuild it for ours.
    return u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export function isAllowedUrl(url: string, origin: string): boolean {
  return originOf(url) === origin;
}

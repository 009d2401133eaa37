/**
 * Loopback bridge for development and tests: serves the built renderer and puts the real core
 * behind `window.api` over HTTP on 127.0.0.1, with a random per-run token. The core runs behind
 * the same core host as in the Electron app (db/host/host.ts: the core in a worker thread, the
 * same dispatcher, validation, roles and errors); only the transport to the page differs.
 * Lives under tests/ and is never bundled into the packaged app.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { CoreHost } from '../../db/host/host';
import { ChromiumPdfEngine } from '../../db/print/pdf';
import { CHANNELS } from '../../shared/ipc/contract';
import { safePdfFileName, safeSaveFileName } from '../../electron/fileNames';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface PreviewServer {
  url: string;
  host: CoreHost;
  /** Stops serving; the core host stays with whoever started it. */
  close(): Promise<void>;
}

export interface PreviewOptions {
  /** The running core (CoreHost.start / launch). */
  host: CoreHost;
  /** The print fonts (the resources the core was given), for "Zapisz jako PDF…". */
  fontsFolder: string;
  rendererDir: string;
  port?: number;
  /**
   * "Zapisz jako PDF…" in the preview (window.asystaShell.savePdf, rendered by ChromiumPdfEngine
   * here) and the report exports (window.asystaShell.saveFile, XLSX/CSV): with a folder, the
   * file is written there (the E2E tests read it back); without, the browser downloads it.
   */
  pdfDir?: string;
}

/**
 * Bridge sessions alive at once. Every load of the page takes a new one (the bridge script is
 * fetched again); beyond this the oldest is ended, so reloading (or a script hammering the
 * endpoint) cannot grow the core's session table without bound. The newest pages keep working.
 */
export const MAX_BRIDGE_SESSIONS = 32;

/** Largest report file (base64) the save endpoint accepts. */
const MAX_SAVE_BASE64 = 48 * 1024 * 1024;

/** Largest document HTML the PDF endpoint accepts (the embedded fonts alone are about 2 MB). */
const MAX_PDF_HTML = 64 * 1024 * 1024;

function bridgeScript(token: string, sessionId: string): string {
  return `// Asysta web-preview bridge (development only)
(() => {
  const token = ${JSON.stringify(token)};
  const sessionId = ${JSON.stringify(sessionId)};
  const channels = ${JSON.stringify(CHANNELS)};
  const api = {};
  for (const channel of channels) {
    api[channel] = async (input) => {
      const res = await fetch('/__asysta/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-asysta-token': token, 'x-asysta-session': sessionId },
        body: JSON.stringify({ channel, input: input === undefined ? {} : input }),
      });
      if (!res.ok) return { ok: false, error: { code: 'INTERNAL', message: 'Brak połączenia z usługą Asysty.' } };
      return res.json();
    };
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  // "Zapisz jako PDF…" only (no printing in the preview): the bridge renders the PDF in Chromium.
  const savePdf = async (req) => {
    const res = await fetch('/__asysta/pdf', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-asysta-token': token, 'x-asysta-session': sessionId },
      body: JSON.stringify({ html: String(req && req.html || ''), fileName: String(req && req.fileName || '') }),
    });
    if (!res.ok) return { saved: false, pages: 0, failed: true };
    if ((res.headers.get('content-type') || '').startsWith('application/json')) return res.json();
    const pages = Number(res.headers.get('x-asysta-pages') || 0);
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = decodeURIComponent(res.headers.get('x-asysta-file-name') || 'dokument.pdf');
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return { saved: true, pages };
  };
  // Reports as XLSX/CSV: the bytes come from the core (reports:export); the bridge writes them
  // into the test folder, or the browser downloads them.
  const saveFile = async (req) => {
    const body = { base64: String(req && req.base64 || ''), fileName: String(req && req.fileName || ''), kind: String(req && req.kind || '') };
    const res = await fetch('/__asysta/save', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-asysta-token': token, 'x-asysta-session': sessionId },
      body: JSON.stringify(body),
    });
    if (!res.ok) return { saved: false, failed: true };
    if ((res.headers.get('content-type') || '').startsWith('application/json')) return res.json();
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = decodeURIComponent(res.headers.get('x-asysta-file-name') || ('sprawozdanie.' + body.kind));
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return { saved: true };
  };
  Object.defineProperty(window, 'asystaShell', { value: Object.freeze({ savePdf, saveFile }), writable: false });
})();
`;
}

function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('payload too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startPreviewServer(opts: PreviewOptions): Promise<PreviewServer> {
  const { host: coreHost, fontsFolder, rendererDir, port = 0, pdfDir } = opts;
  const root = resolve(rendererDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`Renderer is not built: ${join(root, 'index.html')} is missing (run npm run build:renderer).`);
  }
  const token = randomBytes(24).toString('hex');
  /** Sessions handed out, oldest first (a Set keeps insertion order). */
  const sessions = new Set<string>();
  const newSession = (): string => {
    const id = coreHost.createSession();
    sessions.add(id);
    while (sessions.size > MAX_BRIDGE_SESSIONS) {
      const oldest = sessions.values().next().value as string;
      sessions.delete(oldest);
      coreHost.endSession(oldest).catch(() => {});
    }
    return id;
  };
  let pdfEngine: ChromiumPdfEngine | null = null;
  let host = '';

  const send = (res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, {
      'content-type': type,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
    res.end(body);
  };

  /**
   * The checks every bridge endpoint makes: POST, this run's token, our own origin, a session this
   * server handed out and (for rendering and saving) a logged-in, unlocked user. Sends the refusal
   * and returns null, or returns the session id.
   */
  const admit = async (req: IncomingMessage, res: ServerResponse, opts: { loggedIn: boolean }): Promise<string | null> => {
    const refuse = (status: number, text: string) => {
      send(res, status, text);
      return null;
    };
    if (req.method !== 'POST') return refuse(405, 'Method not allowed');
    const origin = req.headers.origin;
    const sessionId = String(req.headers['x-asysta-session'] ?? '');
    if (req.headers['x-asysta-token'] !== token || (origin && origin !== `http://${host}`) || !sessions.has(sessionId)) {
      return refuse(403, 'Forbidden');
    }
    if (opts.loggedIn) {
      let ok = false;
      try {
        const s = await coreHost.sessionInfo(sessionId);
        ok = s !== null && s.user !== null && !s.locked;
      } catch {
        ok = false;
      }
      if (!ok) return refuse(403, 'Forbidden');
    }
    return sessionId;
  };

  /** Writes into the preview's download folder as `<name>.partial`, then renames (no half files). */
  const saveInto = (dir: string, fileName: string, bytes: Buffer): string => {
    const target = join(resolve(dir), fileName);
    const partial = `${target}.partial`;
    try {
      writeFileSync(partial, bytes);
      renameSync(partial, target);
    } catch (e) {
      rmSync(partial, { force: true });
      throw e;
    }
    return target;
  };

  const server: Server = createServer(async (req, res) => {
    try {
      // DNS-rebinding guard: only our own loopback host name is served.
      if (req.headers.host !== host) return send(res, 421, 'Misdirected request');
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname === '/__asysta/invoke') {
        const sessionId = await admit(req, res, { loggedIn: false });
        if (sessionId === null) return;
        let parsed: { channel?: unknown; input?: unknown };
        try {
          parsed = JSON.parse(await readBody(req)) as { channel?: unknown; input?: unknown };
        } catch {
          return send(res, 400, 'Bad request');
        }
        const result = await coreHost.invoke(sessionId, String(parsed.channel ?? ''), parsed.input);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }
      if (url.pathname === '/__asysta/pdf') {
        // Only a logged-in user of this preview may render (the documents come from the core,
        // which checked that user's access to the case).
        if ((await admit(req, res, { loggedIn: true })) === null) return;
        let parsed: { html?: unknown; fileName?: unknown };
        try {
          parsed = JSON.parse(await readBody(req, MAX_PDF_HTML + 4096)) as { html?: unknown; fileName?: unknown };
        } catch {
          return send(res, 400, 'Bad request');
        }
        if (typeof parsed.html !== 'string' || parsed.html.length === 0 || parsed.html.length > MAX_PDF_HTML) return send(res, 400, 'Bad request');
        pdfEngine ??= new ChromiumPdfEngine({ fontsFolder });
        const { pdf, pages } = await pdfEngine.render(parsed.html);
        const fileName = safePdfFileName(parsed.fileName);
        if (pdfDir) {
          const target = saveInto(pdfDir, fileName, pdf);
          return send(res, 200, JSON.stringify({ saved: true, path: target, pages }), 'application/json; charset=utf-8');
        }
        res.writeHead(200, {
          'content-type': 'application/pdf',
          'content-disposition': 'attachment',
          'x-asysta-pages': String(pages),
          'x-asysta-file-name': encodeURIComponent(fileName),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        });
        return res.end(pdf);
      }
      if (url.pathname === '/__asysta/save') {
        if ((await admit(req, res, { loggedIn: true })) === null) return;
        let parsed: { base64?: unknown; fileName?: unknown; kind?: unknown };
        try {
          parsed = JSON.parse(await readBody(req, MAX_SAVE_BASE64 + 4096)) as { base64?: unknown; fileName?: unknown; kind?: unknown };
        } catch {
          return send(res, 400, 'Bad request');
        }
        if (parsed.kind !== 'xlsx' && parsed.kind !== 'csv' && parsed.kind !== 'json') return send(res, 400, 'Bad request');
        if (typeof parsed.base64 !== 'string' || parsed.base64.length === 0 || parsed.base64.length > MAX_SAVE_BASE64 || !/^[A-Za-z0-9+/]*={0,2}$/.test(parsed.base64)) {
          return send(res, 400, 'Bad request');
        }
        const bytes = Buffer.from(parsed.base64, 'base64');
        const fileName = safeSaveFileName(parsed.fileName, parsed.kind);
        if (pdfDir) {
          const target = saveInto(pdfDir, fileName, bytes);
          return send(res, 200, JSON.stringify({ saved: true, path: target }), 'application/json; charset=utf-8');
        }
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-disposition': 'attachment',
          'x-asysta-file-name': encodeURIComponent(fileName),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        });
        return res.end(bytes);
      }
      if (url.pathname === '/__asysta_bridge.js') {
        // The token and a session go only to our own page: a same-origin <script> load, as the
        // browser reports it in Fetch Metadata (which page content cannot forge). A cross-site
        // <script src> (Sec-Fetch-Site: cross-site), a fetch() or a request without the headers
        // (not a current browser) gets nothing and creates no session.
        if (req.method !== 'GET' || req.headers['sec-fetch-site'] !== 'same-origin' || req.headers['sec-fetch-dest'] !== 'script') {
          return send(res, 403, 'Forbidden');
        }
        return send(res, 200, bridgeScript(token, newSession()), MIME['.js']);
      }
      let rel = decodeURIComponent(url.pathname);
      if (rel === '/' || rel === '') rel = '/index.html';
      const file = normalize(join(root, rel));
      if (!file.startsWith(root + sep)) return send(res, 403, 'Forbidden');
      if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Not found');
      let body: Buffer | string = readFileSync(file);
      if (file.endsWith('index.html')) {
        body = body
          .toString('utf8')
          .replace('<head>', '<head>\n    <script src="/__asysta_bridge.js"></script>');
      }
      return send(res, 200, body, MIME[extname(file)] ?? 'application/octet-stream');
    } catch (e) {
      console.error(`[asysta] preview server error: ${(e as Error)?.name ?? 'Error'}`);
      if (!res.headersSent) send(res, 500, 'Internal error');
    }
  });

  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const addr = server.address() as AddressInfo;
  host = `127.0.0.1:${addr.port}`;
  return {
    url: `http://${host}/`,
    host: coreHost,
    close: async () => {
      await pdfEngine?.close();
      pdfEngine = null;
      await new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      });
    },
  };
}

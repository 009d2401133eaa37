/**
 * Loopback bridge for development and tests: serves the built renderer and puts the real core
 * behind `window.api` over HTTP on 127.0.0.1, with a random per-run token. The same dispatcher
 * (validation, roles, errors) as the Electron IPC registration; only the transport differs.
 * Lives under tests/ and is never bundled into the packaged app.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { AsystaCore, type CoreOptions } from '../../db/core';
import { createDispatcher } from '../../db/dispatcher';
import { CHANNELS } from '../../shared/ipc/contract';

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
  core: AsystaCore;
  close(): Promise<void>;
}

export interface PreviewOptions extends CoreOptions {
  rendererDir: string;
  port?: number;
}

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
  const { rendererDir, port = 0, ...coreOpts } = opts;
  const root = resolve(rendererDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`Renderer is not built: ${join(root, 'index.html')} is missing (run npm run build:renderer).`);
  }
  const core = new AsystaCore(coreOpts);
  const dispatcher = createDispatcher(core, {
    onInternalError: (channel, err) => console.error(`[asysta] internal error on ${channel}: ${(err as Error)?.name ?? 'Error'}`),
  });
  const token = randomBytes(24).toString('hex');
  const sessions = new Set<string>();
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

  const server: Server = createServer(async (req, res) => {
    try {
      // DNS-rebinding guard: only our own loopback host name is served.
      if (req.headers.host !== host) return send(res, 421, 'Misdirected request');
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname === '/__asysta/invoke') {
        if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
        if (req.headers['x-asysta-token'] !== token) return send(res, 403, 'Forbidden');
        const origin = req.headers.origin;
        if (origin && origin !== `http://${host}`) return send(res, 403, 'Forbidden');
        const sessionId = String(req.headers['x-asysta-session'] ?? '');
        if (!sessions.has(sessionId)) return send(res, 403, 'Forbidden');
        let parsed: { channel?: unknown; input?: unknown };
        try {
          parsed = JSON.parse(await readBody(req)) as { channel?: unknown; input?: unknown };
        } catch {
          return send(res, 400, 'Bad request');
        }
        const result = await dispatcher.invoke(sessionId, String(parsed.channel ?? ''), parsed.input);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }
      if (url.pathname === '/__asysta_bridge.js') {
        const sessionId = core.createSession();
        sessions.add(sessionId);
        return send(res, 200, bridgeScript(token, sessionId), MIME['.js']);
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
    core,
    close: () =>
      new Promise<void>((ok) => {
        core.shutdown();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

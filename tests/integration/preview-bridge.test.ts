/**
 * Issue 15, item 5: the development preview bridge (tests/bridge/server.ts) hands its token and
 * a new session only to its own page — a same-origin <script> load by a browser — and keeps at
 * most MAX_BRIDGE_SESSIONS sessions, ending the oldest. Plain HTTP requests with exactly the
 * headers a browser sends in each case.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { devResources } from '../../build/dev-resources';
import { MAX_BRIDGE_SESSIONS, startPreviewServer, type PreviewServer } from '../bridge/server';
import { removeDir, tempDir, testApp, type TestApp } from '../helpers';

let dir: string;
let app: TestApp;
let server: PreviewServer;
let host: string;

beforeEach(async () => {
  dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Asysta</title></head><body></body></html>');
  app = testApp(join(dir, 'data'));
  server = await startPreviewServer({ host: app.host, fontsFolder: devResources().fontsFolder, rendererDir });
  host = new URL(server.url).host;
});

afterEach(async () => {
  await server.close();
  await app.close();
  removeDir(dir);
});

function get(path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(host.split(':')[1]), path, method, headers: { host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What Chromium sends for <script src="/__asysta_bridge.js"> in our own page. */
const OWN_PAGE = { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' };

const sessionOf = (script: string) => /const sessionId = "([^"]+)"/.exec(script)?.[1] ?? '';
const tokenOf = (script: string) => /const token = "([^"]+)"/.exec(script)?.[1] ?? '';

function invoke(token: string, sessionId: string) {
  return get('/__asysta/invoke', { 'content-type': 'application/json', 'x-asysta-token': token, 'x-asysta-session': sessionId, origin: `http://${host}` }, 'POST', JSON.stringify({ channel: 'app:status', input: {} }));
}

describe('the preview bridge script goes only to the preview’s own page', () => {
  it('our page’s <script> gets the token and a working session', async () => {
    const page = await get('/', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' });
    expect(page.body).toContain('<script src="/__asysta_bridge.js"></script>');
    const script = await get('/__asysta_bridge.js', OWN_PAGE);
    expect(script.status).toBe(200);
    expect(tokenOf(script.body)).toMatch(/^[0-9a-f]{48}$/);
    const r = await invoke(tokenOf(script.body), sessionOf(script.body));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
  });

  it('a cross-site <script src>, another site’s fetch, a top-level visit, a request without Fetch Metadata: 403, no token', async () => {
    for (const [what, headers] of [
      ['<script src> on another site', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script', referer: 'https://zly.example/' }],
      ['<script src> on another port of localhost', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }],
      ['fetch() from another site', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty', origin: 'https://zly.example' }],
      ['a same-origin fetch()', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }],
      ['opened as a page', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }],
      ['no Fetch Metadata (curl, an old client)', {}],
    ] as const) {
      const r = await get('/__asysta_bridge.js', headers);
      expect(r.status, what).toBe(403);
      expect(r.body, what).not.toMatch(/token|sessionId/);
    }
    const post = await get('/__asysta_bridge.js', OWN_PAGE, 'POST', '');
    expect(post.status).toBe(403);
  });

  it(`at most ${MAX_BRIDGE_SESSIONS} sessions: each new page load ends the oldest`, async () => {
    const scripts: string[] = [];
    for (let i = 0; i < MAX_BRIDGE_SESSIONS + 8; i++) scripts.push((await get('/__asysta_bridge.js', OWN_PAGE)).body);
    const token = tokenOf(scripts[0]!);
    const codes = await Promise.all(scripts.map(async (s) => (await invoke(token, sessionOf(s))).status));
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(403));
    expect(codes.slice(8)).toEqual(Array(MAX_BRIDGE_SESSIONS).fill(200));
  });
});

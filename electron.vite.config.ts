/**
 * electron-vite build of the three Electron targets:
 *  - main     electron/main.ts    -> out/main/index.js     ESM (package.json "type": "module";
 *             electron-store 10 is ESM-only; Electron >= 28 loads an ESM main). npm dependencies
 *             stay external and are shipped in node_modules by electron-builder, notably the native
 *             better-sqlite3, which electron-builder rebuilds for Electron.
 *             db/host/worker-entry.ts -> out/main/core-worker.js: the core's worker thread, started
 *             by the core host in main (electron/main.ts coreWorkerEntry) from the same folder.
 *             db/host/node-entry.ts -> out/main/core-host.js: the same host without Electron, for
 *             npm run smoke:packaged.
 *  - preload  electron/preload.ts -> out/preload/index.cjs CommonJS with every import inlined:
 *             a sandboxed preload cannot load ESM or anything from node_modules (only `electron`).
 *  - renderer renderer/           -> out/renderer           reuses renderer/vite.config.ts.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { rendererConfig } from './renderer/vite.config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Development only: the React Fast Refresh preamble is an inline script, which the strict meta
 * CSP in renderer/index.html forbids. In `electron-vite dev` the meta tag is dropped; the main
 * process sends an equivalent CSP header (relaxed only for the dev server's inline preamble and
 * HMR websocket, see electron/protocol.ts). Production builds keep the meta tag untouched.
 */
function devCspMetaPlugin(): Plugin {
  return {
    name: 'asysta:dev-csp-meta',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>\s*/i, '');
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: true,
      sourcemap: false,
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main.ts'),
          'core-worker': resolve(root, 'db/host/worker-entry.ts'),
          // Electron-free: the core host for plain Node (npm run smoke:packaged runs the packaged
          // core from it); shared code goes to out/main/chunks.
          'core-host': resolve(root, 'db/host/node-entry.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Bundle zod and the contract into the preload: the sandbox has no require() for them.
      externalizeDeps: false,
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve(root, 'renderer'),
    plugins: [...rendererConfig.plugins, devCspMetaPlugin()],
    build: {
      ...rendererConfig.build,
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});

import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const rendererRoot = dirname(fileURLToPath(import.meta.url));

/**
 * The renderer build, shared by `vite build --config renderer/vite.config.ts` and the Electron
 * build (electron.vite.config.ts reuses `rendererConfig`). Relative base so the bundle loads from
 * file:// in Electron; no source maps (they would carry inline data into the package).
 */
export const rendererConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(rendererRoot, '../out/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    // One local bundle loaded from disk: the 500 kB web warning does not apply.
    chunkSizeWarningLimit: 1500,
    // Keep every asset as a file: no data: URLs for scripts (CSP `script-src 'self'`).
    assetsInlineLimit: 0,
    rollupOptions: {
      input: resolve(rendererRoot, 'index.html'),
    },
  },
  server: {
    port: 5173,
    strictPort: false,
  },
} satisfies UserConfig;

export default defineConfig(rendererConfig);

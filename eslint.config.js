// ESLint flat config. The folder rules make the architecture a build failure when broken:
// shared/ is pure domain, db/ never imports Electron, renderer/ only talks to window.api.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

// Packaged, the source tree is not there (the code is in app.asar): nothing the app reads at run
// time may be found relative to a source file. The host passes CoreResources (db/resources.ts).
const noCodeRelativeFiles = [
  {
    selector: "MetaProperty[meta.name='import'][property.name='meta']",
    message: 'No files relative to the code (import.meta.url): take the path from the host (CoreResources).',
  },
  { selector: "Identifier[name='__dirname']", message: 'No files relative to the code: take the path from the host (CoreResources).' },
];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom', 'electron-store'].map((name) => ({
            name,
            message: 'shared/ is pure domain: no Node, Electron, database or DOM imports.',
          })),
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure domain: no Node imports.' },
            { group: ['**/db/**', '**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on outer layers.' },
            { group: ['@/*', '~/*'], message: 'Inside shared/ use relative imports only.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
      'no-restricted-syntax': ['error', ...noCodeRelativeFiles],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'db/ is the Electron-free core: it takes paths and OS capabilities as parameters.',
          })),
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'db/ must not depend on the shell or the UI.' },
            {
              group: ['**/build/dev-resources'],
              message: 'The core takes its resources from the host (CoreResources); only the CLIs in db/cli use the source tree.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...noCodeRelativeFiles],
    },
  },
  {
    // The command-line tools run from the source tree: they are hosts and pass devResources().
    files: ['db/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store', 'react', 'react-dom'].map((name) => ({ name, message: 'db/ is the Electron-free core.' })),
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'db/ must not depend on the shell or the UI.' }],
        },
      ],
    },
  },
  {
    // The shell never imports the UI: the renderer is a separate, sandboxed bundle. It reaches the
    // core only through the core host (db/host/host.ts), which runs the core in a worker thread:
    // no database, service or dispatcher in the main process.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'electron/ must not import the renderer (it talks to it over IPC only).' }] },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'better-sqlite3', message: 'The database lives in the core worker (db/host).' }],
          patterns: [
            {
              regex: '(^|/)db/(?!host/host$|host/protocol$|resources$|settings$|fsutil$|print/)',
              message: 'electron/ reaches the core only through the core host (db/host/host.ts) — the core runs in its worker thread.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The host side of the core host is loaded by the main process: it must not pull the core in.
    files: ['db/host/host.ts', 'db/host/protocol.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!settings$|\\.\\./shared/)',
              message: 'The core host runs in the main process: only types from the core (its code runs in the worker).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The sandboxed preload bundles everything it imports (it cannot require node_modules): only
    // `electron` and the names-only module generated from the contract (shared/ipc/names.ts,
    // which imports nothing). Type-only imports are erased and allowed.
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./shared/ipc/names$)',
              allowTypeImports: true,
              message: 'The preload may import only electron and ../shared/ipc/names (types are fine).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic Rules of Hooks; the React Compiler rules of plugin v7 are not adopted (no compiler).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'electron-store', ...nodeBuiltins].map((name) => ({
            name,
            message: 'renderer/ talks only to window.api.',
          })),
          patterns: [
            { group: ['node:*'], message: 'renderer/ talks only to window.api.' },
            { group: ['**/db/**', '**/electron/**'], message: 'renderer/ talks only to window.api (shared/ is fine).' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // `expect(!r.ok && r.error.code).toBe(…)` passes vacuously when the call succeeds
          // (`false` is defined, falsy, unequal to nothing…). Assert the failure first.
          selector: "CallExpression[callee.name='expect'] > LogicalExpression[operator='&&'][left.type='UnaryExpression'][left.operator='!']",
          message: 'Use failure(r) from tests/helpers.ts: `expect(!r.ok && …)` passes when the call succeeds.',
        },
      ],
    },
  },
  {
    // Every browser E2E spec checks each page it visits with axe-core (tests/e2e-web/a11y.ts).
    files: ['tests/e2e-web/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              message: 'Take test and expect from ./server-fixture: its test checks every page state with axe-core.',
            },
          ],
        },
      ],
    },
  },
);

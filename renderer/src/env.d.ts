/// <reference types="vite/client" />
import type { Api } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the preload script (or the web-preview bridge). The only way to the core. */
    api: Api;
  }
}

export {};

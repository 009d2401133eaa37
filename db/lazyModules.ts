/**
 * Large npm modules loaded on first use. The core starts in a worker thread for every window and
 * every test; exceljs (with its zip and XML stack), officecrypto-tool and papaparse are needed only
 * by imports and exports, so nothing loads them until a user asks for one. Node caches the module,
 * so later calls cost nothing.
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadOfficeCrypto = async () => (await import('officecrypto-tool')).default;
export const loadPapa = async () => (await import('papaparse')).default;

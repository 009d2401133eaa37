/** Vitest and Playwright global setup: build the core's test worker once per run. */
import { buildTestWorker } from './build';

export default async function globalSetup(): Promise<void> {
  await buildTestWorker();
}

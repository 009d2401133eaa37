/**
 * Backup benchmark (issue 6): backup (snapshot + encrypt + write + fsync + read back + verify)
 * and verify alone, in MB/s, beside a plain file copy of the same database and raw AES-256-GCM
 * throughput on this machine; peak RSS during backup and verify for two database sizes, to show
 * memory does not grow with the database.
 *
 * `npx tsx tests/bench/backup.ts` (sizes from BENCH_BACKUP_FAMILIES, default "2000,10000"),
 * or `await benchBackup()` from tests/bench/run.ts.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyBackup } from '../../db/backup';
import { AsystaCore } from '../../db/core';
import { seedDemo } from '../../db/demo/seed';
import { MemorySettingsStore } from '../../db/settings';
import { devResources } from '../../build/dev-resources';

const PASSWORD = 'BenchHaslo2026';
const MiB = 1024 * 1024;

function mbps(bytes: number, ms: number): string {
  return `${(bytes / MiB / (ms / 1000)).toFixed(0)} MB/s`;
}

/** Peak RSS while `fn` runs (sampled every 5 ms and at each await). */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMiB: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const t0 = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, ms: performance.now() - t0, peakMiB: peak / MiB };
  } finally {
    clearInterval(timer);
  }
}

/** Raw AES-256-GCM over the file's bytes, in 1 MiB chunks read from disk (no write). */
async function rawGcm(path: string): Promise<number> {
  const key = randomBytes(32);
  const buf = Buffer.alloc(MiB);
  const fh = await open(path, 'r');
  const t0 = performance.now();
  try {
    for (let pos = 0, i = 0; ; i++) {
      const { bytesRead } = await fh.read(buf, 0, MiB, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      const iv = Buffer.alloc(12);
      iv.writeUInt32BE(i, 8);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.update(buf.subarray(0, bytesRead));
      c.final();
      c.getAuthTag();
    }
  } finally {
    await fh.close();
  }
  return performance.now() - t0;
}

export async function benchBackup(sizes: number[] = (process.env.BENCH_BACKUP_FAMILIES ?? '2000,10000').split(',').map(Number)): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'asysta-bench-backup-'));
  try {
    console.log(`\nBackup bench — Node ${process.version}; backup = snapshot + encrypt + write + fsync + read back + verify`);
    console.log(
      `${'families'.padStart(8)} ${'DB MiB'.padStart(7)}  ${'copy+fsync'.padStart(10)}  ${'AES-GCM'.padStart(10)}  ${'backup'.padStart(10)}  ${'verify'.padStart(10)}  ${'backup÷(copy+enc)'.padStart(17)}  ${'RSS↑ backup'.padStart(15)}  ${'RSS↑ verify'.padStart(15)}`,
    );
    for (const families of sizes) {
      const dataDir = join(root, `data-${families}`);
      const summary = await seedDemo({ dataDir, password: PASSWORD, families, settings: new MemorySettingsStore(), resources: devResources() });
      const core = new AsystaCore({ dataDir, settings: new MemorySettingsStore(), resources: devResources() });
      try {
        const { actor, sqlite } = await core.openForTool('admin', PASSWORD);
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        const dbPath = join(dataDir, 'asysta.db');
        const dbBytes = statSync(dbPath).size;

        const usb = join(root, `usb-${families}`);
        mkdirSync(usb);
        const t0 = performance.now();
        // A durable copy, as a backup must be: copy, then fsync the copy.
        copyFileSync(dbPath, join(usb, 'plain-copy.db'));
        const fd = openSync(join(usb, 'plain-copy.db'), 'r+');
        fsyncSync(fd);
        closeSync(fd);
        const copyMs = performance.now() - t0;
        rmSync(join(usb, 'plain-copy.db'));
        const encMs = await rawGcm(dbPath);

        if (global.gc) global.gc();
        const phaseStart = new Map<string, number>();
        const base = process.memoryUsage.rss() / MiB;
        const b = await peakRss(() =>
          core.createBackup(actor, { folder: usb, onProgress: (p) => void (phaseStart.has(p.phase) || phaseStart.set(p.phase, performance.now())) }),
        );
        const ph = [...phaseStart.entries()];
        const phases = ph.map(([name, at], i) => `${name} ${((ph[i + 1]?.[1] ?? at) - at).toFixed(0)} ms`).join(', ');
        const file = join(usb, readdirSync(usb).find((n) => n.endsWith('.asysta-backup'))!);
        if (global.gc) global.gc();
        // Verify as the CLI does it, with the recovery key (includes one scrypt derivation).
        const vBase = process.memoryUsage.rss() / MiB;
        const v = await peakRss(() => verifyBackup(file, { recoveryKey: summary.recoveryKey }, { migrationsFolder: devResources().migrationsFolder }));
        if (v.value.counts.families !== families) throw new Error('verify counted a different number of families');
        const ratio = b.ms / (copyMs + encMs);
        console.log(
          `${''.padStart(8)} phases: ${phases}; RSS before backup ${base.toFixed(0)} MiB\n` +
          `${String(families).padStart(8)} ${(dbBytes / MiB).toFixed(1).padStart(7)}  ${mbps(dbBytes, copyMs).padStart(10)}  ${mbps(dbBytes, encMs).padStart(10)}  ${mbps(dbBytes, b.ms).padStart(10)}  ${mbps(dbBytes, v.ms).padStart(10)}  ${`${ratio.toFixed(1)}×`.padStart(17)}  ${`+${(b.peakMiB - base).toFixed(0)} MiB`.padStart(15)}  ${`+${(v.peakMiB - vBase).toFixed(0)} MiB`.padStart(15)}`,
        );
      } finally {
        core.shutdown();
      }
    }
    console.log('(RSS↑ = peak RSS above the level just before the operation; verify includes one scrypt derivation\n with production parameters, 128 MiB by design; copy = copy + fsync, page-cache warm;\n backup also reads the file back, decrypts it and runs integrity_check before reporting success)');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchBackup().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

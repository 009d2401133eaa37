/** Shared fixtures of the backup tests: a target file system that fails like a pulled stick. */
import { nodeTargetFs, type TargetFs } from '../../db/backup';

/** Writes fail with `code` (EIO, ENOENT, ENOSPC…) once `okBytes` bytes have been written. */
export function failingFs(code: string, okBytes: number): TargetFs {
  return {
    ...nodeTargetFs,
    async openForWrite(path: string) {
      const real = await nodeTargetFs.openForWrite(path);
      let written = 0;
      return {
        async write(buf: Buffer) {
          if (written + buf.length > okBytes) {
            const keep = Math.max(0, okBytes - written);
            if (keep) await real.write(buf.subarray(0, keep));
            written += keep;
            throw Object.assign(new Error(`${code}: simulated`), { code });
          }
          await real.write(buf);
          written += buf.length;
        },
        sync: () => real.sync(),
        close: () => real.close(),
      };
    },
  };
}

/** Move the test clock without the idle lock kicking in for the session `s`. */
export function setClock(a: { clock: { now: number }; touch(sessionId: string): void }, s: { id: string }, at: number): void {
  a.clock.now = at;
  a.touch(s.id);
}

/**
 * The core's side of the core host: runs in a worker thread (`node:worker_threads`), owns the
 * AsystaCore (database, keys, sessions) and its dispatcher, and answers the host's messages.
 * Every query, migration, `VACUUM`, backup and `integrity_check` runs here, so the thread that
 * draws windows (Electron's main process) never waits for the database.
 *
 * The workstation settings stay with the host (electron-store lives in the Electron main
 * process): the worker starts from the host's snapshot and sends every change back, in order,
 * before the reply of the call that made it.
 */
import { AsystaCore } from '../core';
import { createDispatcher } from '../dispatcher';
import type { SettingsStore, WorkstationSettings } from '../settings';
import { clockReader, summariseError, type HostMessage, type HostReplies, type HostRequest, type WorkerInit, type WorkerMessage } from './protocol';

/** The worker's end of the channel to the host (`parentPort`, or a MessagePort). */
export interface HostPort {
  on(event: 'message', listener: (m: unknown) => void): unknown;
  postMessage(m: WorkerMessage): void;
  close?(): void;
}

/** Settings read from the host's snapshot; every change is sent to the host, which stores it. */
export class MirroredSettingsStore implements SettingsStore {
  private data: Partial<WorkstationSettings>;

  constructor(
    snapshot: Partial<WorkstationSettings>,
    private readonly send: (key: keyof WorkstationSettings, value: unknown) => void,
  ) {
    this.data = { ...snapshot };
  }

  get<K extends keyof WorkstationSettings>(key: K): WorkstationSettings[K] {
    return this.data[key] as WorkstationSettings[K];
  }

  set<K extends keyof WorkstationSettings>(key: K, value: WorkstationSettings[K]): void {
    this.data = { ...this.data, [key]: value };
    this.send(key, value);
  }
}

export interface ServeOptions {
  /** Called with the running core, before the first message is answered (a test entry's hooks). */
  onCore?: (core: AsystaCore) => void;
}

/** Start the core from `init` and answer the host on `port` until it asks to shut down. */
export function serveCore(port: HostPort, init: WorkerInit, opts: ServeOptions = {}): void {
  const post = (m: WorkerMessage) => port.postMessage(m);
  let core: AsystaCore;
  try {
    core = new AsystaCore({
      ...init.core,
      settings: new MirroredSettingsStore(init.settings, (key, value) => post({ t: 'settings', key, value })),
      now: init.clock ? clockReader(init.clock) : Date.now,
      onEvent: (event) => post({ t: 'event', event }),
    });
  } catch (e) {
    post({ t: 'startFailed', error: summariseError(e) });
    port.close?.();
    return;
  }
  const dispatcher = createDispatcher(core, {
    onInternalError: (channel, err) => post({ t: 'internalError', channel, error: summariseError(err) }),
  });
  opts.onCore?.(core);

  const answer = async <T extends HostRequest['t']>(req: Extract<HostRequest, { t: T }>): Promise<HostReplies[T]> => {
    const r = req as HostRequest;
    switch (r.t) {
      case 'invoke':
        return (await dispatcher.invoke(r.sessionId, r.channel, r.input)) as HostReplies[T];
      case 'endSession':
        core.endSession(r.sessionId);
        return null as HostReplies[T];
      case 'sessionInfo': {
        const s = core.findSession(r.sessionId);
        if (!s) return null as HostReplies[T];
        core.checkIdle(s);
        return { user: s.user, locked: s.locked } as HostReplies[T];
      }
      case 'closeCheck': {
        // The reminder on quit: a user who may make backups is logged in and the data changed
        // since the last verified backup.
        const user = core.findSession(r.sessionId)?.user ?? null;
        if (!user) return { remindAboutBackup: false } as HostReplies[T];
        const st = core.backupStatus(user);
        return { remindAboutBackup: st.canCreate && st.changesSinceLastBackup } as HostReplies[T];
      }
      case 'shutdown': {
        // End the logged-in sessions first so that each logout is audited, then close.
        let loggedOut = 0;
        for (const id of core.sessionIds()) {
          if (core.findSession(id)?.user) loggedOut += 1;
          try {
            core.endSession(id);
          } catch (e) {
            post({ t: 'internalError', channel: 'shutdown', error: summariseError(e) });
          }
        }
        core.shutdown();
        return { loggedOut } as HostReplies[T];
      }
    }
  };

  port.on('message', (raw) => {
    const m = raw as HostMessage;
    if (m.t === 'createSession') {
      try {
        core.createSession(m.sessionId);
      } catch (e) {
        post({ t: 'internalError', channel: 'createSession', error: summariseError(e) });
      }
      return;
    }
    answer(m).then(
      (value) => {
        post({ t: 'reply', id: m.id, ok: true, value });
        if (m.t === 'shutdown') port.close?.();
      },
      (e: unknown) => post({ t: 'reply', id: m.id, ok: false, error: summariseError(e) }),
    );
  });
  post({ t: 'ready' });
}

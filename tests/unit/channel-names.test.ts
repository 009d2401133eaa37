/**
 * The preload exposes one window.api function per channel from shared/ipc/names.ts, a names-only
 * module generated from the contract (so the sandboxed preload does not bundle zod and every
 * schema). A channel added to the contract and not to the names would be unreachable from the
 * window; a stale name would call a channel the core refuses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channelNamesSource } from '../../build/scripts/gen-channel-names';
import { CHANNELS } from '../../shared/ipc/contract';
import { IPC_INVOKE as API_INVOKE } from '../../shared/ipc/api';
import { CHANNEL_NAMES, IPC_INVOKE, IPC_SHELL } from '../../shared/ipc/names';
import { IPC_SHELL as SHELL_CHANNEL } from '../../electron/shell-channel';

describe('channel names for the preload', () => {
  it('equal the contract keys, in order (run `npm run gen:channels` after changing the contract)', () => {
    expect([...CHANNEL_NAMES]).toEqual(CHANNELS);
  });

  it('the generated file is what the generator writes today', () => {
    const file = readFileSync(new URL('../../shared/ipc/names.ts', import.meta.url), 'utf8');
    expect(file).toBe(channelNamesSource(CHANNELS));
  });

  it('the IPC channel constants are the ones main and the shell use', () => {
    expect(IPC_INVOKE).toBe(API_INVOKE);
    expect(IPC_SHELL).toBe(SHELL_CHANNEL);
  });
});

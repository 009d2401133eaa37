/** The shape of `window.api`, derived from the contract. */
import type { Result } from '../errors';
import type { Channel, ChannelInput, ChannelOutput } from './contract';

export type Api = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

/** The name of the single Electron IPC channel that carries every contract call. */
export { IPC_INVOKE } from './names';

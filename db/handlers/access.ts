import type { accessChannels } from '../../shared/ipc/channels/access';
import type { HandlersFor } from './types';

export const accessHandlers: HandlersFor<typeof accessChannels> = {};

import type { retentionChannels } from '../../shared/ipc/channels/retention';
import type { HandlersFor } from './types';

export const retentionHandlers: HandlersFor<typeof retentionChannels> = {};

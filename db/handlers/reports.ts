import type { reportChannels } from '../../shared/ipc/channels/reports';
import type { HandlersFor } from './types';

export const reportHandlers: HandlersFor<typeof reportChannels> = {};

import type { privacyChannels } from '../../shared/ipc/channels/privacy';
import type { HandlersFor } from './types';

export const privacyHandlers: HandlersFor<typeof privacyChannels> = {};

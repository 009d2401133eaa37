import type { displayChannels } from '../../shared/ipc/channels/display';
import { getDisplayPrefs, setDisplayPrefs } from '../services/display';
import type { HandlersFor } from './types';

export const displayHandlers: HandlersFor<typeof displayChannels> = {
  'display:get': ({ core, actor }) => getDisplayPrefs(core, actor),
  'display:set': ({ core, actor }, input) => setDisplayPrefs(core, actor, input),
};

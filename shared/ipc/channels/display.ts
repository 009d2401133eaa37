/**
 * Channels of the display preferences (text size, high contrast). Public: the login screen offers
 * the switch too (then only the workstation's choice changes); with a session the choice is also
 * stored for the user. Only the two enumerated values are accepted.
 */
import { displayPrefsSchema } from '../../display';
import { channel } from '../channel';
import { empty } from './common';

export const displayChannels = {
  'display:get': channel({
    description: 'Wygląd ekranu (wielkość tekstu, kontrast)',
    access: 'public',
    whileLocked: true,
    input: empty,
    output: displayPrefsSchema,
  }),

  'display:set': channel({
    description: 'Zmiana wyglądu ekranu (wielkość tekstu, kontrast)',
    access: 'public',
    whileLocked: true,
    input: displayPrefsSchema,
    output: displayPrefsSchema,
  }),
};

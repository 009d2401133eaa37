/** Channel -> service method. The compiler checks that every contract channel has a handler. */
import type { Channel } from '../../shared/ipc/contract';
import { backupHandlers } from './backup';
import { caseHandlers } from './cases';
import { documentHandlers } from './documents';
import { familyHandlers } from './families';
import { foundationHandlers } from './foundation';
import { supportingHandlers } from './supporting';
import type { Handler } from './types';
import { workHandlers } from './work';
import { reportHandlers } from './reports';
import { privacyHandlers } from './privacy';
import { retentionHandlers } from './retention';
import { accessHandlers } from './access';
import { displayHandlers } from './display';
import { importHandlers } from './import';
import { staffHandlers } from './staff';

export const handlers: { [C in Channel]: Handler<C> } = {
  ...foundationHandlers,
  ...familyHandlers,
  ...caseHandlers,
  ...supportingHandlers,
  ...backupHandlers,
  ...workHandlers,
  ...documentHandlers,
  ...reportHandlers,
  ...privacyHandlers,
  ...retentionHandlers,
  ...accessHandlers,
  ...importHandlers,
  ...staffHandlers,
  ...displayHandlers,
};

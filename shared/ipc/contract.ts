/**
 * The one IPC contract. Every channel is declared once (in channels/*.ts, by area): its zod
 * input, zod output and who may call it. The preload's `window.api`, the main-process
 * registration and the test bridge are all derived from this object; nothing else names a channel.
 */
import type { z } from 'zod';
import { backupChannels } from './channels/backup';
import { caseChannels } from './channels/cases';
import { documentChannels } from './channels/documents';
import { familyChannels } from './channels/families';
import { foundationChannels } from './channels/foundation';
import { supportingChannels } from './channels/supporting';
import { workChannels } from './channels/work';
import { reportChannels } from './channels/reports';
import { privacyChannels } from './channels/privacy';
import { retentionChannels } from './channels/retention';
import { accessChannels } from './channels/access';
import { displayChannels } from './channels/display';
import { importChannels } from './channels/import';
import { staffChannels } from './channels/staff';

export type { Access, ChannelDef } from './channel';
export * from './channels/foundation';
export * from './channels/families';
export * from './channels/cases';
export * from './channels/supporting';
export * from './channels/backup';
export * from './channels/work';
export * from './channels/documents';
export * from './channels/reports';
export * from './channels/privacy';
export * from './channels/retention';
export * from './channels/access';
export * from './channels/display';
export * from './channels/import';
export * from './channels/staff';

export const contract = {
  ...foundationChannels,
  ...familyChannels,
  ...caseChannels,
  ...supportingChannels,
  ...backupChannels,
  ...workChannels,
  ...documentChannels,
  ...reportChannels,
  ...privacyChannels,
  ...retentionChannels,
  ...accessChannels,
  ...importChannels,
  ...staffChannels,
  ...displayChannels,
} as const;


export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

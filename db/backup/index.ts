/** Encrypted backups and restore (issue 6). See format.ts for the file format. */
export { createBackup, type CreateBackupOptions, type CreateBackupResult } from './create';
export { BACKUP_EXTENSION, backupFileName, officeSlug, type BackupCounts, type BackupHeader, type BackupManifest } from './format';
export { nodeTargetFs, type TargetFs, type WritableTarget } from './io';
export { readBackupHeader, verifyBackup, type BackupInfo, type BackupProgress, type BackupSecret, type SecretGuard, type SecretTarget } from './read';
export {
  assessCurrent,
  isInstallation,
  needsConfirmation,
  prepareRestore,
  recoverInterruptedRestore,
  RESTORE_JOURNAL,
  swapIn,
  type CurrentData,
  type PreparedRestore,
} from './restore';

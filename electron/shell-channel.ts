/**
 * The second, optional IPC channel: native helpers of the desktop shell (folder and file pickers
 * for backups, issue 6). It never touches the core or the data; the core contract stays the one
 * `asysta:invoke` channel. Shared by the preload and the main process.
 */
export const IPC_SHELL = 'asysta:shell';

export const SHELL_OPS = ['chooseFolder', 'chooseFile', 'removableDrives'] as const;
export type ShellOp = (typeof SHELL_OPS)[number];

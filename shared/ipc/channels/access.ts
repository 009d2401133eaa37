/** Channels of issue 7 (access). Filled in by the access work; each channel declared once here. */
export const accessChannels = {} as const;

/** Channels of issue 7 (privacy). Filled in by the privacy work; each channel declared once here. */
export const privacyChannels = {} as const;

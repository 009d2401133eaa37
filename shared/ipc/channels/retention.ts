/** Channels of issue 7 (retention). Filled in by the retention work; each channel declared once here. */
export const retentionChannels = {} as const;

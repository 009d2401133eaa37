/** Channels of issue 7 (reports). Filled in by the reports work; each channel declared once here. */
export const reportChannels = {} as const;

/** A line (or CSV record) longer than this is quarantined instead of being held in memory. */
export const MAX_LINE_CHARS = 1 << 20;

/** How much of an over-long line is kept as its text. */
export const LONG_LINE_PREVIEW_CHARS = 4096;

export const LINE_TOO_LONG = `line longer than ${MAX_LINE_CHARS} characters`;

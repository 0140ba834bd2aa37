/** Larger outlines are refused before parsing: bulk data belongs in CSV files. */
export const MAX_OUTLINE_BYTES = 5 * 1024 * 1024;

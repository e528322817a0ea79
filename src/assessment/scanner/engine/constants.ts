/** Rows sampled to classify a table's columns (the first rows of its first batch). */
export const CLASSIFY_SAMPLE_ROWS = 200;

/** The contract's scalars as they travel in JSON (graphql-codegen maps them the same way; see codegen.yml). */
export type ID = string;
/** "YYYY-MM-DD" */
export type DateString = string;
/** ISO-8601 with offset */
export type DateTimeString = string;

/** The `errors[].extensions.code` values the server and the BFF answer with (see the root README). */
export const ErrorCodes = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  /** With `extensions.field`: the input field that is wrong. */
  VALIDATION: 'VALIDATION',
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  SESSION_FINISHED: 'SESSION_FINISHED',
  SESSION_ID_TAKEN: 'SESSION_ID_TAKEN',
  /** The BFF's allowlist: an id it does not know (client and BFF deployed out of step). */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** The BFF's allowlist: a document that is not in the manifest. */
  PERSISTED_QUERY_REQUIRED: 'PERSISTED_QUERY_REQUIRED',
} as const;

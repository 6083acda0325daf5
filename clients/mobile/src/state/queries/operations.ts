import * as documents from '#/state/queries/documents';
import manifest from '#/state/queries/persisted-operations.json';
import type { PersistedOperation } from '#/lib/graphql/transport';

/**
 * The one map from operation name to { document, id }. Everything that sends an operation (the urql
 * exchange, the offline queue, the WebSocket) looks it up here, so moving the documents to
 * /schema/operations/*.graphql and the manifest to schema/persisted-operations.json changes this file
 * only.
 */
export type OperationName = keyof typeof documents;

function kindOf(document: string): PersistedOperation['kind'] {
  const keyword = document.trimStart().split(/[\s({]/, 1)[0];
  if (keyword === 'mutation' || keyword === 'subscription') return keyword;
  return 'query';
}

const idByDocument = new Map<string, string>(
  Object.entries(manifest as Record<string, string>).map(([id, doc]) => [doc, id]),
);

export const operations = Object.fromEntries(
  (Object.keys(documents) as OperationName[]).map((name) => {
    const document = documents[name];
    return [name, { name, document, id: idByDocument.get(document) ?? '', kind: kindOf(document) }];
  }),
) as Record<OperationName, PersistedOperation>;

/** The persisted operation of a name, or undefined when it is not in the manifest. */
export function operationByName(name: string | null | undefined): PersistedOperation | undefined {
  if (!name || !(name in operations)) return undefined;
  const op = operations[name as OperationName];
  return op.id ? op : undefined;
}

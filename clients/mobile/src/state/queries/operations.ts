import manifest from '#schema/persisted-operations.json';
import type { PersistedOperation } from '#/lib/graphql/transport';
import { operationNames, type OperationName, type OperationTypes } from '#/state/queries/generated';

/**
 * The one map from operation name to { document, id, kind }. The documents are the repository's
 * persisted-operation manifest (schema/persisted-operations.json, generated from
 * schema/operations/*.graphql, the very file the BFF enforces), bundled at build time; the names and
 * types come from graphql-codegen (generated.ts). Everything that sends an operation (the urql
 * exchange, the offline queue, the WebSocket) looks it up here.
 */
export type { OperationName } from '#/state/queries/generated';

/** The result (data) type of an operation. */
export type ResultOf<N extends OperationName> = OperationTypes[N]['result'];
/** The variables type of an operation. */
export type VariablesOf<N extends OperationName> = OperationTypes[N]['variables'];

/** `query Name(` / `mutation Name {` … : the kind and name of a manifest document's operation. */
const HEAD = /^\s*(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

export function parseManifest(documents: Record<string, string>): Map<string, PersistedOperation> {
  const byName = new Map<string, PersistedOperation>();
  for (const [id, document] of Object.entries(documents)) {
    const head = HEAD.exec(document);
    if (!head) continue;
    const [, kind, name] = head as unknown as [string, PersistedOperation['kind'], string];
    byName.set(name, { name, id, document, kind });
  }
  return byName;
}

const byName = parseManifest(manifest as Record<string, string>);

export const operations = Object.fromEntries(
  operationNames.map((name) => [name, byName.get(name) ?? { name, id: '', document: '', kind: 'query' }]),
) as { [N in OperationName]: PersistedOperation & { name: N } };

/** The persisted operation of a name, or undefined when the manifest does not have it. */
export function operationByName(name: string | null | undefined): PersistedOperation | undefined {
  if (!name) return undefined;
  const op = byName.get(name);
  return op && (operationNames as readonly string[]).includes(name) ? op : undefined;
}

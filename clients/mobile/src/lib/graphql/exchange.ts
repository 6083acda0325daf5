import { getOperationName, makeErrorResult, makeResult, type Exchange, type Operation, type OperationResult } from '@urql/core';
import { filter, fromPromise, merge, mergeMap, pipe, share, takeUntil } from 'wonka';
import type { GraphQLTransport, PersistedOperation } from '#/lib/graphql/transport';

/**
 * urql exchange sending queries and mutations as persisted operations through our transport
 * (GET + ETag for queries, POST for mutations). It never sends document text: an operation missing
 * from the manifest is an error, as the BFF would refuse it anyway. Subscriptions and teardowns go on.
 */
export function persistedOperationsExchange(options: {
  transport: GraphQLTransport;
  lookup: (name: string | null | undefined) => PersistedOperation | undefined;
}): Exchange {
  return ({ forward }) =>
    (ops$) => {
      const shared$ = pipe(ops$, share);
      const isHttp = (op: Operation) => op.kind === 'query' || op.kind === 'mutation';

      const results$ = pipe(
        shared$,
        filter(isHttp),
        mergeMap((operation) => {
          const teardown$ = pipe(
            shared$,
            filter((op) => op.kind === 'teardown' && op.key === operation.key),
          );
          return pipe(fromPromise(execute(operation)), takeUntil(teardown$));
        }),
      );
      const forward$ = forward(pipe(shared$, filter((op) => !isHttp(op))));
      return merge([results$, forward$]);
    };

  async function execute(operation: Operation): Promise<OperationResult> {
    const name = getOperationName(operation.query);
    const persisted = options.lookup(name);
    if (!persisted) {
      return makeErrorResult(operation, new Error(`Operation "${name}" is not in the persisted-operation manifest.`));
    }
    try {
      const variables = (operation.variables ?? {}) as object;
      const { status, body } =
        operation.kind === 'mutation'
          ? await options.transport.mutate(persisted, variables)
          : await options.transport.query(persisted, variables);
      if (!('data' in body) && !body.errors) return makeErrorResult(operation, new Error(`HTTP ${status}`));
      return makeResult(operation, body as never, { status });
    } catch (error) {
      return makeErrorResult(operation, error instanceof Error ? error : new Error(String(error)));
    }
  }
}

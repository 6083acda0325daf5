import type { GraphQLTransport } from '#/lib/graphql/transport';
import { operations } from '#/state/queries/operations';
import type { Send } from '#/offline/queue';
import type { QueueKind } from '#/offline/schema';

const operationOf: Record<QueueKind, keyof typeof operations> = {
  startSession: 'StartSession',
  logSet: 'LogSet',
  updateSet: 'UpdateSet',
  deleteSet: 'DeleteSet',
  finishSession: 'FinishSession',
  setSessionNote: 'SetSessionNote',
  setExerciseNote: 'SetExerciseNote',
  addSessionExercise: 'AddSessionExercise',
  groupSessionSuperset: 'GroupSessionSuperset',
  createExercise: 'CreateExercise',
  swapPlannedExercise: 'SwapPlannedExercise',
  skipPlannedExercise: 'SkipPlannedExercise',
  addPlannedExercise: 'AddPlannedExercise',
  changePlannedTargets: 'ChangePlannedTargets',
  groupPlannedSuperset: 'GroupPlannedSuperset',
  resetWeeklyPlan: 'ResetWeeklyPlan',
};

/** The queue's transport: the item's persisted mutation, its stored input plus its clientMutationId. */
export function createQueueSend(transport: GraphQLTransport): Send {
  return (item) =>
    transport.mutate(operations[operationOf[item.kind]], {
      input: { ...item.variables, clientMutationId: item.clientMutationId },
    });
}

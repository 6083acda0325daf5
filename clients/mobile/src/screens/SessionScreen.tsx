import { useCallback, useMemo, useState } from 'react';
import { Text } from 'react-native';
import { CopilotCard } from '#/components/CopilotCard';
import { RestTimer } from '#/components/RestTimer';
import { SetCard, type CardExercise, type SetValues } from '#/components/SetCard';
import { SyncBanner } from '#/components/SyncBanner';
import { Body, Button, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { weekStartOf } from '#/lib/dates';
import { useTheme } from '#/lib/theme';
import { usePreferences } from '#/state/persisted';
import { useCopilot } from '#/state/queries/copilot';
import type { Equipment } from '#/state/queries/generated';
import { useUnits } from '#/state/queries/profile';
import type { ID } from '#/lib/graphql/scalars';
import { planDay, useWeeklyPlanQuery } from '#/state/queries/weekly-plan';
import {
  useDeleteSet,
  useFinishSession,
  useLogSet,
  useSessionSets,
  useSessionUpdates,
  useUpdateSet,
  type DisplaySet,
} from '#/state/queries/workout-session';

/**
 * A workout session: one card per planned exercise (target vs done), one tap to log, edit/delete
 * by swipe or long press, a rest timer after each set and the Copilot's suggestion (with a swap
 * when the athlete marks equipment as taken). `readOnly` is the coach's live view of an athlete's
 * session.
 */
export function SessionScreen({ sessionId, athleteId, readOnly = false }: { sessionId: ID; athleteId?: ID; readOnly?: boolean }) {
  const t = useTheme();
  const units = useUnits();
  const { preferences } = usePreferences();
  const { result, session, sets, applyLiveEvent } = useSessionSets(sessionId);
  const weekStart = weekStartOf(session ? new Date(session.startedAt) : new Date());
  const [{ data: planData }] = useWeeklyPlanQuery(weekStart, athleteId);
  const day = planDay(planData?.weeklyPlan, session?.planDayNumber);
  const [equipmentTaken, setEquipmentTaken] = useState<readonly Equipment[]>([]);
  // Until its start reaches the server (a session started offline) there is nothing to ask or watch there.
  const live = !!session?.onServer;
  const { suggestion } = useCopilot(readOnly || !live || session?.finishedAt ? null : sessionId, session?.version, equipmentTaken);
  const toggleTaken = useCallback(
    (equipment: Equipment) => setEquipmentTaken((taken) => (taken.includes(equipment) ? taken.filter((e) => e !== equipment) : [...taken, equipment])),
    [],
  );
  const [appliedSuggestion, setAppliedSuggestion] = useState<{ exerciseId: ID; values: SetValues } | null>(null);
  const [rest, setRest] = useState<number | null>(null);
  const logSet = useLogSet(sessionId);
  const updateSet = useUpdateSet(sessionId);
  const deleteSet = useDeleteSet(sessionId);
  const finish = useFinishSession(sessionId);

  // Each event carries the set as it stands: it is applied to what is shown, nothing is refetched.
  useSessionUpdates(live ? sessionId : null, applyLiveEvent);

  // Planned exercises first, then anything logged outside the plan, then the Copilot's swap.
  const swap = suggestion?.swap;
  const cards = useMemo<CardExercise[]>(() => {
    const planned: CardExercise[] = day?.exercises ?? [];
    const ids = new Set(planned.map((p) => p.exercise.id));
    const extra = new Map<ID, CardExercise>();
    for (const s of sets) {
      if (!ids.has(s.exercise.id) && !extra.has(s.exercise.id)) {
        extra.set(s.exercise.id, { exercise: s.exercise, scheme: { summary: 'Not in the plan' }, targetSets: [] });
      }
    }
    if (swap && !ids.has(swap.exerciseId) && !extra.has(swap.exerciseId)) {
      const replaced = planned.find((p) => p.exercise.id === swap.replacesExerciseId)?.exercise.name ?? 'the planned exercise';
      extra.set(swap.exerciseId, { exercise: { id: swap.exerciseId, name: swap.name }, scheme: { summary: `Swap for ${replaced}` }, targetSets: [] });
    }
    return [...planned, ...extra.values()];
  }, [day, sets, swap]);

  // The swap's card starts at the Copilot's numbers for it.
  const swapValues = useMemo<SetValues | null>(() => {
    const next = suggestion?.nextSet;
    return swap && next?.exerciseId === swap.exerciseId ? { loadKg: next.loadKg, reps: next.reps, rpe: next.rpe } : null;
  }, [swap, suggestion?.nextSet]);

  const setsOf = (exerciseId: ID): DisplaySet[] => sets.filter((s) => s.exercise.id === exerciseId);
  const onRestDone = useCallback(() => setRest(null), []);

  if (!session && result.fetching) return <Loading label="Loading session" />;
  if (!session) {
    return (
      <Screen>
        <ErrorText error={result.error ?? 'Session not found.'} />
      </Screen>
    );
  }

  return (
    <Screen>
      <SyncBanner />
      <Title>{day ? day.name : 'Session'}</Title>
      <Body muted>
        Started {new Date(session.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
        {session.onServer ? '' : ' · not synced yet'}
        {session.finishedAt ? (session.finishPending ? ' · finished (waiting to sync)' : ' · finished') : ''}
      </Body>
      {readOnly ? null : (
        <CopilotCard
          suggestion={suggestion}
          units={units}
          taken={equipmentTaken}
          onToggleTaken={toggleTaken}
          onUse={
            suggestion?.nextSet
              ? () =>
                  setAppliedSuggestion({
                    exerciseId: suggestion.nextSet!.exerciseId,
                    values: { loadKg: suggestion.nextSet!.loadKg, reps: suggestion.nextSet!.reps, rpe: suggestion.nextSet!.rpe },
                  })
              : undefined
          }
        />
      )}
      {rest !== null && !readOnly ? <RestTimer seconds={rest} onDone={onRestDone} /> : null}
      {cards.map((planned) => (
        <SetCard
          key={planned.exercise.id}
          planned={planned}
          sets={setsOf(planned.exercise.id)}
          units={units}
          readOnly={readOnly || !!session.finishedAt}
          suggestion={
            appliedSuggestion?.exerciseId === planned.exercise.id
              ? appliedSuggestion.values
              : swapValues && swap?.exerciseId === planned.exercise.id
                ? swapValues
                : null
          }
          onLog={(values) => {
            const restSeconds = suggestion?.restSeconds || preferences.defaultRestSeconds;
            logSet({ exercise: planned.exercise, ...values, restSeconds });
            setAppliedSuggestion(null);
            setRest(restSeconds);
          }}
          onEdit={(set, patch) => updateSet(set, patch)}
          onDelete={(set) => deleteSet(set.id)}
        />
      ))}
      {cards.length === 0 ? <Text style={{ color: t.textMuted }}>No exercises planned for this session.</Text> : null}
      {readOnly || session.finishedAt ? null : (
        <Button label="Finish session" variant="secondary" onPress={() => void finish()} />
      )}
    </Screen>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppState, Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { CopilotCard } from '#/components/CopilotCard';
import { NewExerciseForm, type NewExercise } from '#/components/NewExerciseForm';
import { RestTimer } from '#/components/RestTimer';
import { useRestAlarm } from '#/lib/use-rest-alarm';
import { SetCard, type CardExercise, type SetValues } from '#/components/SetCard';
import { SyncBanner } from '#/components/SyncBanner';
import { Body, Button, Card, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { weekStartOf } from '#/lib/dates';
import { HIT, useTheme } from '#/lib/theme';
import { useOfflineQueue, useQueueState } from '#/offline/OfflineQueueProvider';
import {
  carryConfirmedExtras,
  pendingPlanEdits,
  pendingSessionExtras,
  sessionExtraKinds,
  useExerciseSearch,
  useRefetchOnConfirmed,
  useSessionLogbook,
  type SessionExtra,
  type ShownExtras,
} from '#/state/queries/logbook';
import type { ExerciseLoading, PersonalRecordKind } from '#/state/queries/generated';
import { usePreferences } from '#/state/persisted';
import { useCopilot } from '#/state/queries/copilot';
import type { Equipment } from '#/state/queries/generated';
import { defaultLoadingSetup, plateSetOf } from '#/lib/plates';
import { useProfileQuery } from '#/state/queries/profile';
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
  const [{ data: profileData }] = useProfileQuery();
  const units = profileData?.profile.units ?? 'KG';
  // The plates of the athlete's loading setup (their profile, stored for offline use like every answer); the unit's defaults until it is known.
  const plates = useMemo(() => plateSetOf(profileData?.profile.loading ?? defaultLoadingSetup(units)), [profileData, units]);
  const { preferences, setPreference } = usePreferences();
  const { result, session, sets, applyLiveEvent, refetch } = useSessionSets(sessionId);
  useRefetchOnConfirmed(sessionId, sessionExtraKinds, useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));
  const weekStart = weekStartOf(session ? new Date(session.startedAt) : new Date());
  const [{ data: planData }] = useWeeklyPlanQuery(weekStart, athleteId);
  const { items: queued } = useQueueState();
  const day = planDay(pendingPlanEdits(planData?.weeklyPlan, queued), session?.planDayNumber);
  const [equipmentTaken, setEquipmentTaken] = useState<readonly Equipment[]>([]);
  // Until its start reaches the server (a session started offline) there is nothing to ask or watch there.
  const live = !!session?.onServer;
  const { suggestion } = useCopilot(readOnly || !live || session?.finishedAt ? null : sessionId, session?.version, equipmentTaken);
  const toggleTaken = useCallback(
    (equipment: Equipment) => setEquipmentTaken((taken) => (taken.includes(equipment) ? taken.filter((e) => e !== equipment) : [...taken, equipment])),
    [],
  );
  const [appliedSuggestion, setAppliedSuggestion] = useState<{ exerciseId: ID; values: SetValues } | null>(null);
  // The running rest, until it ends (epoch ms); its alarm rings on the phone if the app is in the background then.
  const [rest, setRest] = useState<{ endsAt: number } | null>(null);
  const alarm = useRestAlarm();
  const logSet = useLogSet(sessionId);
  const updateSet = useUpdateSet(sessionId);
  const deleteSet = useDeleteSet(sessionId);
  const finish = useFinishSession(sessionId);
  const logbook = useSessionLogbook(sessionId);
  const queue = useOfflineQueue();
  const { items } = useQueueState();
  const [selected, setSelected] = useState<readonly ID[]>([]);
  const [adding, setAdding] = useState(false);
  const [celebrations, setCelebrations] = useState<Record<ID, string>>({});

  // A set that broke a record is celebrated on its card as soon as the server says so.
  useEffect(
    () =>
      queue.onEvent((event) => {
        if (event.type !== 'succeeded' || event.item.kind !== 'logSet' || event.item.sessionId !== sessionId) return;
        const records = (event.payload.newRecords as PersonalRecordKind[] | undefined) ?? [];
        const exerciseId = String(event.item.variables.exerciseId);
        setCelebrations((c) => ({ ...c, [exerciseId]: records.length > 0 ? records.map((r) => RECORD_LABEL[r]).join(', ') : '' }));
      }),
    [queue, sessionId],
  );

  const shownExtras = useRef<ShownExtras | null>(null);
  const { extras, note: pendingNote } = useMemo(() => {
    const server = (session?.exercises ?? []) as SessionExtra[];
    const pending = pendingSessionExtras(server, items, sessionId);
    const extras = carryConfirmedExtras(shownExtras.current, server, pending.extras);
    shownExtras.current = { server, extras };
    return { extras, note: pending.note };
  }, [session?.exercises, items, sessionId]);

  // Each event carries the set as it stands: it is applied to what is shown, nothing is refetched.
  useSessionUpdates(live ? sessionId : null, applyLiveEvent);

  // Planned exercises first, then anything logged outside the plan, then the Copilot's swap.
  const swap = suggestion?.swap;
  const cards = useMemo<CardExercise[]>(() => {
    const groups = new Map(extras.map((e) => [e.exercise.id, e.supersetGroup]));
    const planned: CardExercise[] = (day?.exercises ?? []).map((p) => ({ ...p, supersetGroup: groups.has(p.exercise.id) ? groups.get(p.exercise.id) : p.supersetGroup }));
    const ids = new Set(planned.map((p) => p.exercise.id));
    const extra = new Map<ID, CardExercise>();
    for (const e of extras) {
      if (e.added && !ids.has(e.exercise.id)) {
        extra.set(e.exercise.id, { exercise: e.exercise, scheme: { summary: 'Added to this session' }, targetSets: [], supersetGroup: e.supersetGroup });
      }
    }
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
  }, [day, sets, swap, extras]);

  // The swap's card starts at the Copilot's numbers for it.
  const swapValues = useMemo<SetValues | null>(() => {
    const next = suggestion?.nextSet;
    return swap && next?.exerciseId === swap.exerciseId ? { loadKg: next.loadKg, reps: next.reps, rpe: next.rpe } : null;
  }, [swap, suggestion?.nextSet]);

  const setsOf = (exerciseId: ID): DisplaySet[] => sets.filter((s) => s.exercise.id === exerciseId);
  /** In a superset the rest comes after the group: only the group's last card starts the timer. */
  const restsAfter = (card: CardExercise) => {
    if (!card.supersetGroup) return true;
    const group = cards.filter((c) => c.supersetGroup === card.supersetGroup);
    return group[group.length - 1]?.exercise.id === card.exercise.id;
  };
  const toggleSelected = (id: ID) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const editable = !readOnly && !session?.finishedAt;
  const onRestDone = useCallback(
    (how: 'ended' | 'skipped' | 'next set') => {
      setRest(null);
      // A rest that runs out while the app is in the background (JS timers may still tick on Android) keeps
      // its alarm, which rings now; on screen it is cancelled (the foreground shows no notification anyway).
      if (how !== 'ended' || AppState.currentState === 'active') void alarm.stop();
    },
    [alarm],
  );

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
      {rest !== null && !readOnly ? <RestTimer endsAt={rest.endsAt} onDone={onRestDone} /> : null}
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
          plates={plates}
          restSeconds={preferences.restByExercise[planned.exercise.id] ?? preferences.defaultRestSeconds}
          onRestChange={(seconds) => setPreference('restByExercise', { ...preferences.restByExercise, [planned.exercise.id]: seconds })}
          celebration={celebrations[planned.exercise.id] || null}
          onLog={(values, extrasOfSet) => {
            // The exercise's own rest when the athlete set one, else the Copilot's, else the default.
            const restSeconds = preferences.restByExercise[planned.exercise.id] ?? (suggestion?.restSeconds || preferences.defaultRestSeconds);
            logSet({ exercise: planned.exercise, ...values, restSeconds, setType: extrasOfSet.setType, note: extrasOfSet.note });
            setAppliedSuggestion(null);
            setCelebrations((c) => ({ ...c, [planned.exercise.id]: '' }));
            if (restsAfter(planned)) {
              // A new rest replaces the one running (and its alarm).
              const now = Date.now();
              setRest({ endsAt: now + restSeconds * 1000 });
              const next = planned.supersetGroup ? cards.find((c) => c.supersetGroup === planned.supersetGroup)?.exercise.name : planned.exercise.name;
              void alarm.start(restSeconds, now, next);
            } else {
              // Mid-superset: the next set was logged, so a rest still running is over.
              onRestDone('next set');
            }
          }}
          onEdit={(set, patch) => updateSet(set, patch)}
          onDelete={(set) => deleteSet(set.id)}
        />
      ))}
      {editable && cards.length > 1 ? (
        <Card>
          <Title level={2}>Superset</Title>
          <View style={styles.chips}>
            {cards.map((c) => (
              <Pressable
                key={c.exercise.id}
                accessibilityRole="checkbox"
                aria-checked={selected.includes(c.exercise.id)}
                accessibilityLabel={`Select ${c.exercise.name} for a superset`}
                onPress={() => toggleSelected(c.exercise.id)}
                style={[styles.chip, { backgroundColor: selected.includes(c.exercise.id) ? t.primary : t.surfaceAlt }]}
              >
                <Text style={{ color: selected.includes(c.exercise.id) ? t.onPrimary : t.text }}>{c.exercise.name}</Text>
              </Pressable>
            ))}
          </View>
          <Button
            label="Make superset"
            variant="secondary"
            disabled={selected.length < 2}
            onPress={() => {
              logbook.groupSuperset(cards.filter((c) => selected.includes(c.exercise.id)).map((c) => c.exercise));
              setSelected([]);
            }}
          />
        </Card>
      ) : null}
      {editable ? (
        adding ? (
          <AddExercisePanel
            onAdd={(exercise) => {
              logbook.addExercise(exercise);
              setAdding(false);
            }}
            onCreate={(input) => {
              logbook.createExercise(input);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button label="Add exercise" variant="secondary" onPress={() => setAdding(true)} />
        )
      ) : null}
      <SessionNote
        note={pendingNote !== undefined ? pendingNote : (session.note ?? null)}
        pending={pendingNote !== undefined}
        readOnly={readOnly}
        onSave={logbook.setNote}
      />
      {cards.length === 0 ? <Text style={{ color: t.textMuted }}>No exercises planned for this session.</Text> : null}
      {readOnly || session.finishedAt ? null : (
        <Button label="Finish session" variant="secondary" onPress={() => void finish()} />
      )}
    </Screen>
  );
}

const RECORD_LABEL: Record<PersonalRecordKind, string> = {
  HEAVIEST_LOAD: 'Heaviest load',
  MOST_REPS_AT_LOAD: 'Most reps at this load',
  BEST_E1RM: 'Best e1RM',
};

/** Search the catalog and your exercises (recently used first), or make a custom one. */
function AddExercisePanel({
  onAdd,
  onCreate,
  onCancel,
}: {
  onAdd: (exercise: { id: ID; name: string; loading: ExerciseLoading }) => void;
  onCreate: (input: NewExercise) => void;
  onCancel: () => void;
}) {
  const t = useTheme();
  const [search, setSearch] = useState('');
  const [{ data, error }] = useExerciseSearch(search);
  const found = (data?.exercises ?? []).slice(0, 8);
  return (
    <Card>
      <Title level={2}>Add an exercise</Title>
      <TextInput
        accessibilityLabel="Search exercises"
        placeholder="Search by name"
        placeholderTextColor={t.textMuted}
        value={search}
        onChangeText={setSearch}
        style={[styles.input, { color: t.text, borderColor: t.border }]}
      />
      <ErrorText error={error} />
      {found.map((e) => (
        <Button key={e.id} label={e.name + (e.isCustom ? ' (yours)' : '')} variant="secondary" accessibilityLabel={`Add ${e.name}`} onPress={() => onAdd(e)} />
      ))}
      <Title level={3}>Or make your own</Title>
      <NewExerciseForm submitLabel="Create and add" onCreate={onCreate} onCancel={onCancel} />
    </Card>
  );
}

/** The session's note: written any time, also after finishing; queued like every change. */
function SessionNote({ note, pending, readOnly, onSave }: { note: string | null; pending: boolean; readOnly: boolean; onSave: (note: string) => void }) {
  const t = useTheme();
  const [draft, setDraft] = useState(note ?? '');
  useEffect(() => setDraft(note ?? ''), [note]);
  if (readOnly) return note ? <Body muted>Note: {note}</Body> : null;
  return (
    <Card>
      <Title level={2}>Session note</Title>
      <TextInput
        accessibilityLabel="Session note"
        placeholder="How did it go?"
        placeholderTextColor={t.textMuted}
        value={draft}
        multiline
        maxLength={2000}
        onChangeText={setDraft}
        style={[styles.input, { color: t.text, borderColor: t.border, minHeight: 64 }]}
      />
      <View style={styles.row}>
        <Button label="Save note" variant="secondary" disabled={draft.trim() === (note ?? '').trim()} onPress={() => onSave(draft)} />
        {pending ? <Body muted>waiting to sync</Body> : null}
      </View>
    </Card>
  );
}

const styles = StyleSheet.create({
  chips: { flexDirection: 'row', gap: 8, flexWrap: 'wrap' },
  chip: { minHeight: HIT, paddingHorizontal: 14, borderRadius: 22, justifyContent: 'center' },
  input: { minHeight: HIT, borderWidth: StyleSheet.hairlineWidth, borderRadius: 8, paddingHorizontal: 10 },
  row: { flexDirection: 'row', gap: 8, alignItems: 'center', flexWrap: 'wrap' },
});

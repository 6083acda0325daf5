import { useRouter } from 'expo-router';
import { useCallback, useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { SyncBanner } from '#/components/SyncBanner';
import { Body, Button, Card, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { addDays, formatDay, weekStartOf } from '#/lib/dates';
import { HIT, useTheme } from '#/lib/theme';
import { displayToKg, formatLoad, kgToDisplay, unitLabel } from '#/lib/units';
import { useQueueState } from '#/offline/OfflineQueueProvider';
import { sessionsOf, useSessionsQuery } from '#/state/queries/history';
import { useUnits, useUpdateProfile, type Units } from '#/state/queries/profile';
import {
  planEditKinds,
  planLane,
  pendingPlanEdits,
  readTargets,
  useExerciseSearch,
  useExerciseSwaps,
  usePlanEdits,
  useRefetchOnConfirmed,
  type PlannedTargets,
  type TargetsForm,
} from '#/state/queries/logbook';
import { useWeeklyPlanQuery, type PlanDay, type PlannedExercise, type TargetSet } from '#/state/queries/weekly-plan';
import { openSessionOf, useStartSession } from '#/state/queries/workout-session';

/** This week's plan, day by day, with a button to start the day's session (or resume an open one). */
export function WeekScreen() {
  const router = useRouter();
  const units = useUnits();
  const [weekStart, setWeekStart] = useState(() => weekStartOf(new Date()));
  const [{ data, fetching, error }, reexecute] = useWeeklyPlanQuery(weekStart);
  useRefetchOnConfirmed(planLane(weekStart), planEditKinds, useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]));
  const edits = usePlanEdits(weekStart);
  const [editing, setEditing] = useState<string | null>(null);
  const [{ data: recent }] = useSessionsQuery(1);
  const start = useStartSession();
  const { items } = useQueueState();
  const plan = pendingPlanEdits(data?.weeklyPlan, items);
  const editsWaiting = items.some((i) => i.sessionId === planLane(weekStart));
  const open = openSessionOf(sessionsOf(recent), items);
  const openDay = plan?.days.find((d) => d.dayNumber === open?.planDayNumber);

  return (
    <Screen>
      <SyncBanner />
      <View style={styles.header}>
        <Button label="‹" variant="secondary" accessibilityLabel="Previous week" onPress={() => setWeekStart(addDays(weekStart, -7))} />
        <Title>Week of {formatDay(weekStart)}</Title>
        <Button label="›" variant="secondary" accessibilityLabel="Next week" onPress={() => setWeekStart(addDays(weekStart, 7))} />
      </View>
      {plan ? (
        <Body muted>
          {plan.split.replace(/_/g, ' ').toLowerCase()}
          {plan.isDeloadWeek ? ' · deload week' : ''} · plan v{plan.planVersion}
        </Body>
      ) : null}
      <UnitsToggle units={units} />
      {open ? (
        <Card>
          <Title level={2}>Session in progress{openDay ? `: ${openDay.name}` : ''}</Title>
          <Body muted>Started {new Date(open.startedAt).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })}</Body>
          <Button label="Resume session" onPress={() => router.push(`/session/${open.id}`)} />
        </Card>
      ) : null}
      {!plan && fetching ? <Loading label="Loading plan" /> : null}
      <ErrorText error={error} />
      {plan?.days.map((day) => (
        <Card key={day.dayNumber}>
          <Title level={2}>
            Day {day.dayNumber}: {day.name}
          </Title>
          <Body muted>about {day.estimatedMinutes} min</Body>
          {day.exercises.map((e, i) => {
            const key = `${day.dayNumber}:${e.exercise.id}`;
            return (
              <View key={e.exercise.id}>
                <View style={styles.exercise}>
                  <Body style={{ flex: 1 }}>
                    {e.exercise.name} · {targetsLabel(e.targetSets, e.measure, units)}
                    {e.supersetGroup ? ` · Superset ${e.supersetGroup}` : ''}
                    {e.swappedFrom ? ` · instead of ${e.swappedFrom.name}` : ''}
                  </Body>
                  <Button
                    label={editing === key ? 'Done' : 'Edit'}
                    variant="secondary"
                    accessibilityLabel={`${editing === key ? 'Close' : 'Edit'} ${e.exercise.name} on day ${day.dayNumber}`}
                    onPress={() => setEditing(editing === key ? null : key)}
                  />
                </View>
                {editing === key ? (
                  <ExerciseEdits
                    day={day}
                    planned={e}
                    next={day.exercises[i + 1]}
                    onSwap={(to) => {
                      edits.swap(day.dayNumber, e.exercise.id, to);
                      setEditing(null);
                    }}
                    onSkip={() => {
                      edits.skipExercise(day.dayNumber, e.exercise.id);
                      setEditing(null);
                    }}
                    onSuperset={(ids) => {
                      edits.superset(day.dayNumber, ids);
                      setEditing(null);
                    }}
                    units={units}
                    onSets={(sets) => edits.changeTargets(day.dayNumber, e.exercise.id, { sets })}
                    onTargets={(targets) => {
                      edits.changeTargets(day.dayNumber, e.exercise.id, targets, targets.load === undefined ? undefined : displayToKg(targets.load, units));
                      setEditing(null);
                    }}
                  />
                ) : null}
              </View>
            );
          })}
          {editing === `${day.dayNumber}:add` ? (
            <AddToDay
              onAdd={(exercise) => {
                edits.add(day.dayNumber, exercise);
                setEditing(null);
              }}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <Button
              label="Add exercise"
              variant="secondary"
              accessibilityLabel={`Add an exercise to day ${day.dayNumber}`}
              onPress={() => setEditing(`${day.dayNumber}:add`)}
            />
          )}
          <Button
            label="Start"
            accessibilityLabel={`Start day ${day.dayNumber}, ${day.name}`}
            onPress={() => router.push(`/session/${start(day.dayNumber)}`)}
          />
        </Card>
      ))}
      {plan && (plan.isEdited || editsWaiting) ? (
        <Card>
          <Body muted>{editsWaiting ? 'Plan edits waiting to sync' : 'This week has your edits.'}</Body>
          <Button label="Reset to generated" variant="secondary" onPress={() => edits.reset()} />
        </Card>
      ) : null}
      {plan && plan.untrainedMuscles.length > 0 ? (
        <Body muted>Not trained this week (equipment or time): {plan.untrainedMuscles.map((m) => m.replace(/_/g, ' ').toLowerCase()).join(', ')}</Body>
      ) : null}
    </Screen>
  );
}

/** Swap (the server's suggestions: same main muscle, your equipment), skip, or superset with the next exercise. */
function ExerciseEdits({
  day,
  planned,
  next,
  onSwap,
  onSkip,
  onSuperset,
  units,
  onSets,
  onTargets,
}: {
  day: PlanDay;
  planned: PlannedExercise;
  next: PlannedExercise | undefined;
  onSwap: (to: { id: string; name: string }) => void;
  onSkip: () => void;
  onSuperset: (ids: string[]) => void;
  units: Units;
  onSets: (sets: number) => void;
  onTargets: (targets: PlannedTargets) => void;
}) {
  const [{ data, fetching, error }] = useExerciseSwaps(planned.exercise.id);
  const onDay = new Set(day.exercises.map((e) => e.exercise.id));
  const swaps = (data?.exerciseSwaps ?? []).filter((s) => !onDay.has(s.id));
  return (
    <View style={styles.edits}>
      {fetching && !data ? <Loading label="Finding swaps" /> : null}
      <ErrorText error={error} />
      {swaps.map((s) => (
        <Button key={s.id} label={`Swap for ${s.name}`} variant="secondary" onPress={() => onSwap(s)} />
      ))}
      <View style={styles.exercise}>
        <Button label="One set less" variant="secondary" disabled={planned.targetSets.length <= 1} onPress={() => onSets(planned.targetSets.length - 1)} />
        <Button label="One set more" variant="secondary" disabled={planned.targetSets.length >= 6} onPress={() => onSets(planned.targetSets.length + 1)} />
      </View>
      <TargetsEditor planned={planned} units={units} onSave={onTargets} />
      <Button label={`Skip ${planned.exercise.name}`} variant="secondary" onPress={onSkip} />
      {planned.supersetGroup ? (
        <Button label="Take out of superset" variant="secondary" onPress={() => onSuperset([planned.exercise.id])} />
      ) : next ? (
        <Button label={`Superset with ${next.exercise.name}`} variant="secondary" onPress={() => onSuperset([planned.exercise.id, next.exercise.id])} />
      ) : null}
    </View>
  );
}

const TARGET_FIELDS: readonly { field: keyof TargetsForm; label: string }[] = [
  { field: 'sets', label: 'Sets' },
  { field: 'repsMin', label: 'Reps from' },
  { field: 'repsMax', label: 'Reps to' },
  { field: 'load', label: 'Load' },
  { field: 'rpe', label: 'RPE' },
];

/**
 * Sets, reps, load (in the athlete's unit) and RPE of a planned exercise, every set alike. A mistake is named
 * under its field, and goes away as soon as that field is changed; only what changed is sent.
 */
function TargetsEditor({ planned, units, onSave }: { planned: PlannedExercise; units: Units; onSave: (targets: PlannedTargets) => void }) {
  const t = useTheme();
  const first = planned.targetSets[0];
  const shown: TargetsForm = {
    sets: String(planned.targetSets.length),
    repsMin: first ? String(first.repsMin) : '',
    repsMax: first ? String(first.repsMax) : '',
    load: first ? String(Math.round(kgToDisplay(first.loadKg, units) * 100) / 100) : '',
    rpe: first?.rpe != null ? String(first.rpe) : '',
  };
  const [form, setForm] = useState<TargetsForm>(shown);
  const [errors, setErrors] = useState<Partial<Record<keyof TargetsForm, string>>>({});
  const name = planned.exercise.name;
  const save = () => {
    const read = readTargets(form);
    setErrors(read.errors);
    if (Object.keys(read.errors).length > 0) return;
    const changed = Object.fromEntries(
      Object.entries(read.targets).filter(([field]) => form[field as keyof TargetsForm].trim() !== shown[field as keyof TargetsForm]),
    ) as PlannedTargets;
    // The server reads repsMin alone as a fixed rep target: a changed range is sent whole.
    if (changed.repsMin !== undefined || changed.repsMax !== undefined) Object.assign(changed, { repsMin: read.targets.repsMin, repsMax: read.targets.repsMax });
    if (Object.keys(changed).length > 0) onSave(changed);
  };
  return (
    <View style={styles.edits}>
      <View style={styles.targets}>
        {TARGET_FIELDS.map(({ field, label }) => (
          <View key={field} style={styles.target}>
            <Text style={{ color: t.textMuted }}>{field === 'load' ? `${label} (${unitLabel(units)})` : label}</Text>
            <TextInput
              accessibilityLabel={`${label} for ${name}`}
              aria-invalid={errors[field] ? true : undefined}
              inputMode={field === 'load' || field === 'rpe' ? 'decimal' : 'numeric'}
              value={form[field]}
              onChangeText={(text) => {
                setForm((f) => ({ ...f, [field]: text }));
                setErrors((e) => {
                  const { [field]: _cleared, ...rest } = e;
                  return rest;
                });
              }}
              style={[styles.input, { color: t.text, borderColor: errors[field] ? t.danger : t.border }]}
            />
          </View>
        ))}
      </View>
      {TARGET_FIELDS.map(({ field }) => (errors[field] ? <ErrorText key={field} error={errors[field]} /> : null))}
      <Button label="Save targets" variant="secondary" accessibilityLabel={`Save targets for ${name}`} onPress={save} />
    </View>
  );
}

/** Any catalog exercise, or one of yours, added to a day of the week. */
function AddToDay({ onAdd, onCancel }: { onAdd: (exercise: { id: string; name: string }) => void; onCancel: () => void }) {
  const t = useTheme();
  const [search, setSearch] = useState('');
  const [{ data, error }] = useExerciseSearch(search);
  return (
    <View style={styles.edits}>
      <TextInput
        accessibilityLabel="Search exercises to add"
        placeholder="Search by name"
        placeholderTextColor={t.textMuted}
        value={search}
        onChangeText={setSearch}
        style={[styles.input, { color: t.text, borderColor: t.border }]}
      />
      <ErrorText error={error} />
      {(data?.exercises ?? []).slice(0, 6).map((e) => (
        <Button key={e.id} label={`Add ${e.name}`} variant="secondary" onPress={() => onAdd(e)} />
      ))}
      <Button label="Cancel" variant="secondary" onPress={onCancel} />
    </View>
  );
}

/** "3 × 8–15 · 20 kg": how many sets, the rep (or seconds) range and the first set's load. */
function targetsLabel(targets: readonly TargetSet[], measure: PlannedExercise['measure'], units: Units): string {
  const first = targets[0];
  if (!first) return 'no sets planned';
  const range = first.repsMin === first.repsMax ? `${first.repsMin}` : `${first.repsMin}–${first.repsMax}`;
  const load = first.loadKg > 0 ? ` · ${formatLoad(first.loadKg, units)}` : '';
  return `${targets.length} × ${range}${measure === 'SECONDS' ? ' s' : ''}${load}`;
}

/** The profile's unit (kg or lb): every load is shown in it; the server keeps kilograms. */
function UnitsToggle({ units }: { units: Units }) {
  const t = useTheme();
  const [state, update] = useUpdateProfile();
  return (
    <View style={styles.units} accessibilityRole="radiogroup" accessibilityLabel="Units for loads">
      <Text style={{ color: t.textMuted }}>Loads in</Text>
      {(['KG', 'LB'] as const).map((u) => (
        <Pressable
          key={u}
          accessibilityRole="radio"
          aria-checked={u === units}
          aria-disabled={state.fetching}
          accessibilityLabel={u === 'KG' ? 'Kilograms' : 'Pounds'}
          disabled={state.fetching || u === units}
          onPress={() => void update({ units: u })}
          style={[styles.unit, { backgroundColor: u === units ? t.primary : t.surfaceAlt }]}
        >
          <Text style={{ color: u === units ? t.onPrimary : t.text }}>{unitLabel(u)}</Text>
        </Pressable>
      ))}
      <ErrorText error={state.error} />
    </View>
  );
}

const styles = StyleSheet.create({
  header: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', gap: 8 },
  exercise: { flexDirection: 'row', alignItems: 'center', gap: 8 },
  edits: { gap: 6, paddingVertical: 6 },
  input: { minHeight: HIT, borderWidth: StyleSheet.hairlineWidth, borderRadius: 8, paddingHorizontal: 10 },
  units: { flexDirection: 'row', alignItems: 'center', gap: 8, flexWrap: 'wrap' },
  targets: { flexDirection: 'row', gap: 8, flexWrap: 'wrap' },
  target: { minWidth: 72, flexGrow: 1, gap: 2 },
  unit: { minHeight: HIT, minWidth: HIT, paddingHorizontal: 14, borderRadius: 22, alignItems: 'center', justifyContent: 'center' },
});

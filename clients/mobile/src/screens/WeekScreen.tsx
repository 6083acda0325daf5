import { useRouter } from 'expo-router';
import { useState } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { SyncBanner } from '#/components/SyncBanner';
import { Body, Button, Card, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { addDays, formatDay, weekStartOf } from '#/lib/dates';
import { HIT, useTheme } from '#/lib/theme';
import { formatLoad, unitLabel } from '#/lib/units';
import { useQueueState } from '#/offline/OfflineQueueProvider';
import { sessionsOf, useSessionsQuery } from '#/state/queries/history';
import { useUnits, useUpdateProfile, type Units } from '#/state/queries/profile';
import { useWeeklyPlanQuery, type PlannedExercise, type TargetSet } from '#/state/queries/weekly-plan';
import { openSessionOf, useStartSession } from '#/state/queries/workout-session';

/** This week's plan, day by day, with a button to start the day's session (or resume an open one). */
export function WeekScreen() {
  const router = useRouter();
  const units = useUnits();
  const [weekStart, setWeekStart] = useState(() => weekStartOf(new Date()));
  const [{ data, fetching, error }] = useWeeklyPlanQuery(weekStart);
  const [{ data: recent }] = useSessionsQuery(1);
  const start = useStartSession();
  const { items } = useQueueState();
  const plan = data?.weeklyPlan;
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
          {day.exercises.map((e) => (
            <Body key={e.exercise.id}>
              {e.exercise.name} · {targetsLabel(e.targetSets, e.measure, units)}
            </Body>
          ))}
          <Button
            label="Start"
            accessibilityLabel={`Start day ${day.dayNumber}, ${day.name}`}
            onPress={() => router.push(`/session/${start(day.dayNumber)}`)}
          />
        </Card>
      ))}
      {plan && plan.untrainedMuscles.length > 0 ? (
        <Body muted>Not trained this week (equipment or time): {plan.untrainedMuscles.map((m) => m.replace(/_/g, ' ').toLowerCase()).join(', ')}</Body>
      ) : null}
    </Screen>
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
  units: { flexDirection: 'row', alignItems: 'center', gap: 8, flexWrap: 'wrap' },
  unit: { minHeight: HIT, minWidth: HIT, paddingHorizontal: 14, borderRadius: 22, alignItems: 'center', justifyContent: 'center' },
});

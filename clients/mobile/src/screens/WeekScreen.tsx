import { useRouter } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';
import { SyncBanner } from '#/components/SyncBanner';
import { Body, Button, Card, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { addDays, formatDay, weekStartOf } from '#/lib/dates';
import { formatLoad } from '#/lib/units';
import { useUnits } from '#/state/queries/profile';
import { useWeeklyPlanQuery } from '#/state/queries/weekly-plan';
import { useStartSession } from '#/state/queries/workout-session';

/** This week's plan, day by day, with a button to start the day's session. */
export function WeekScreen() {
  const router = useRouter();
  const units = useUnits();
  const [weekStart, setWeekStart] = useState(() => weekStartOf(new Date()));
  const [{ data, fetching, error }] = useWeeklyPlanQuery(weekStart);
  const [startState, start] = useStartSession();
  const plan = data?.weeklyPlan;

  return (
    <Screen>
      <SyncBanner />
      <View style={styles.header}>
        <Button label="‹" variant="secondary" accessibilityLabel="Previous week" onPress={() => setWeekStart(addDays(weekStart, -7))} />
        <Title>Week of {formatDay(weekStart)}</Title>
        <Button label="›" variant="secondary" accessibilityLabel="Next week" onPress={() => setWeekStart(addDays(weekStart, 7))} />
      </View>
      {plan ? <Body muted>{plan.split.replace(/_/g, ' ').toLowerCase()} · plan v{plan.planVersion}</Body> : null}
      {!plan && fetching ? <Loading label="Loading plan" /> : null}
      <ErrorText error={error} />
      {plan?.days.map((day) => (
        <Card key={day.dayNumber}>
          <Title level={2}>
            Day {day.dayNumber}: {day.name}
          </Title>
          {day.exercises.map((e) => {
            const first = e.targetSets[0];
            return (
              <Body key={e.exercise.id}>
                {e.exercise.name} — {e.scheme}
                {first?.loadKg != null ? ` · ${formatLoad(first.loadKg, units)}` : ''}
              </Body>
            );
          })}
          <Button
            label="Start"
            accessibilityLabel={`Start day ${day.dayNumber}, ${day.name}`}
            busy={startState.fetching}
            onPress={async () => {
              const result = await start(day.dayNumber);
              const id = (result.data as { startSession?: { session?: { id: string } } } | undefined)?.startSession?.session?.id;
              if (id) router.push(`/session/${id}`);
            }}
          />
        </Card>
      ))}
      <ErrorText error={startState.error} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  header: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', gap: 8 },
});

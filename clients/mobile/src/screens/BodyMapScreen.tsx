import { useState } from 'react';
import { StyleSheet, View } from 'react-native';
import { BodyMapFigure, MUSCLE_NAMES } from '#/components/BodyMapFigure';
import { Body, Button, Card, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { addDays, formatDay, weekStartOf } from '#/lib/dates';
import type { ID } from '#/lib/graphql/scalars';
import { hardSetsByMuscle, trainedMuscles, useBodyMapQuery } from '#/state/queries/body-map';

/** Weekly training volume per muscle as a front/back heat map. */
export function BodyMapScreen({ athleteId }: { athleteId?: ID }) {
  const [weekStart, setWeekStart] = useState(() => weekStartOf(new Date()));
  const [{ data, fetching, error }] = useBodyMapQuery(weekStart, athleteId);
  const muscles = data?.bodyMap.muscles ?? [];
  const trained = trainedMuscles(muscles);
  return (
    <Screen>
      <View style={styles.header}>
        <Button label="‹" variant="secondary" accessibilityLabel="Previous week" onPress={() => setWeekStart(addDays(weekStart, -7))} />
        <Title>Week of {formatDay(weekStart)}</Title>
        <Button label="›" variant="secondary" accessibilityLabel="Next week" onPress={() => setWeekStart(addDays(weekStart, 7))} />
      </View>
      {!data && fetching ? <Loading label="Loading body map" /> : null}
      <ErrorText error={error} />
      <BodyMapFigure values={hardSetsByMuscle(muscles)} />
      <Card>
        <Title level={3}>Hard sets this week</Title>
        {trained.map((m) => (
          <Body key={m.muscle}>
            {MUSCLE_NAMES[m.muscle] ?? m.muscle}: {Math.round(m.hardSets * 10) / 10} sets · {Math.round(m.totalReps)} reps
          </Body>
        ))}
        {trained.length === 0 && !fetching ? <Body muted>Nothing logged this week yet.</Body> : null}
      </Card>
    </Screen>
  );
}

const styles = StyleSheet.create({
  header: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', gap: 8 },
});

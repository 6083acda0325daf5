import { useRouter } from 'expo-router';
import { useMemo, useState } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { LineChart } from '#/components/LineChart';
import { ProposalDiff } from '#/components/ProposalDiff';
import { Body, Card, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { HIT, useTheme } from '#/lib/theme';
import { formatLoad, kgToDisplay, unitLabel } from '#/lib/units';
import type { ID } from '#/lib/graphql/scalars';
import { useE1rmHistoryQuery, usePersonalRecordsQuery, type PersonalRecordKind } from '#/state/queries/history';
import { SET_TYPE_LABEL, sessionHistoryOf, useExerciseHistory, useSessionHistory } from '#/state/queries/logbook';
import { useUnits } from '#/state/queries/profile';
import { usePlanProposalHistory } from '#/state/queries/proposals';

const KIND_LABEL: Record<PersonalRecordKind, string> = {
  BEST_E1RM: 'Best e1RM',
  HEAVIEST_LOAD: 'Heaviest',
  MOST_REPS_AT_LOAD: 'Most reps',
};

/** Past sessions (newest first, with their records), personal records and the e1RM trend of one exercise. */
export function HistoryScreen({ athleteId }: { athleteId?: ID }) {
  const t = useTheme();
  const units = useUnits();
  const router = useRouter();
  const [{ data: past, fetching: loadingPast }] = useSessionHistory(20, athleteId);
  const sessions = sessionHistoryOf(past);
  const [{ data, fetching, error }] = usePersonalRecordsQuery(athleteId);
  const records = data?.personalRecords ?? [];
  const exercises = useMemo(() => {
    const seen = new Map<ID, string>();
    for (const r of records) seen.set(r.exercise.id, r.exercise.name);
    return [...seen.entries()];
  }, [records]);
  const [picked, setPicked] = useState<ID | null>(null);
  const exerciseId = picked ?? exercises[0]?.[0] ?? null;
  const [{ data: history }] = useE1rmHistoryQuery(exerciseId, athleteId);
  const name = exercises.find(([id]) => id === exerciseId)?.[1] ?? '';
  const [{ data: days }] = useExerciseHistory(exerciseId, athleteId);
  const [{ data: proposals }] = usePlanProposalHistory(10, athleteId);

  return (
    <Screen>
      <Title>History</Title>
      {!past && loadingPast ? <Loading label="Loading sessions" /> : null}
      {sessions.map((s) => {
        const summary = s.summary;
        const when = new Date(s.startedAt).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
        const minutes = summary.durationSeconds != null ? `${Math.round(summary.durationSeconds / 60)} min` : 'in progress';
        // A first time at an exercise "breaks" every record against nothing: noted, not celebrated.
        const broken = summary.records.filter((r) => r.previous != null);
        const firsts = [...new Set(summary.records.filter((r) => r.previous == null).map((r) => r.exercise.name))];
        return (
          <Pressable
            key={s.id}
            accessibilityRole="button"
            accessibilityLabel={`Session of ${when}: ${minutes}, ${summary.hardSetCount} working sets, volume ${formatLoad(summary.volumeKg, units)}${
              broken.length ? `, ${broken.length} records` : ''
            }`}
            onPress={() => router.push(`/session/${s.id}`)}
          >
            <Card>
              <Title level={3}>{when}</Title>
              <Body muted>
                {minutes} · {summary.setCount} sets ({summary.hardSetCount} working) · {summary.exerciseCount} exercises · volume {formatLoad(summary.volumeKg, units)}
              </Body>
              {broken.map((r) => (
                <Body key={`${r.setId}-${r.kind}`} style={{ color: t.success }}>
                  🏆 {r.exercise.name}: {KIND_LABEL[r.kind]} {r.kind === 'MOST_REPS_AT_LOAD' ? `${r.value} reps` : formatLoad(r.value, units)}
                </Body>
              ))}
              {firsts.length ? <Body muted>First time: {firsts.join(', ')}</Body> : null}
              {s.note ? <Body>Note: {s.note}</Body> : null}
            </Card>
          </Pressable>
        );
      })}
      {sessions.length === 0 && !loadingPast ? <Body muted>No sessions yet.</Body> : null}
      <Title>Plan proposals</Title>
      {(proposals?.planProposalHistory ?? []).map((p) => (
        <Card key={`${p.id}-${p.status}`}>
          <ProposalDiff proposal={p} canDecide={!athleteId} />
        </Card>
      ))}
      {proposals && proposals.planProposalHistory.length === 0 ? <Body muted>No proposals yet.</Body> : null}
      <Title>Personal records</Title>
      {!data && fetching ? <Loading label="Loading records" /> : null}
      <ErrorText error={error} />
      {records.map((r) => (
        <Body key={`${r.exercise.id}-${r.kind}`}>
          {r.exercise.name} · {KIND_LABEL[r.kind]}: {formatLoad(r.loadKg, units)} × {r.reps} (e1RM {formatLoad(r.e1rmKg, units)}) ·{' '}
          {r.achievedAt.slice(0, 10)}
        </Body>
      ))}
      {records.length === 0 && !fetching ? <Body muted>No records yet.</Body> : null}
      {exercises.length > 0 ? (
        <Card>
          <Title level={2}>e1RM trend</Title>
          <View style={styles.chips} accessibilityRole="tablist">
            {exercises.map(([id, label]) => (
              <Pressable
                key={id}
                accessibilityRole="tab"
                aria-selected={id === exerciseId}
                onPress={() => setPicked(id)}
                style={[styles.chip, { backgroundColor: id === exerciseId ? t.primary : t.surfaceAlt }]}
              >
                <Text style={{ color: id === exerciseId ? t.onPrimary : t.text }}>{label}</Text>
              </Pressable>
            ))}
          </View>
          <LineChart
            label={`${name} estimated one-rep max`}
            points={(history?.e1rmHistory ?? []).map((p) => ({ x: p.date.slice(5), y: kgToDisplay(p.e1rmKg, units) }))}
            format={(v) => `${Math.round(v)} ${unitLabel(units)}`}
          />
          {(days?.exerciseHistory.days ?? []).map((d) => (
            <View key={d.date} accessibilityLabel={`${name} on ${d.date}`}>
              <Body>
                {d.date}: {d.sets.length} sets
                {d.bestSet ? ` · best ${formatLoad(d.bestSet.loadKg, units)} × ${d.bestSet.reps}` : ''}
                {d.bestE1rmKg ? ` (e1RM ${formatLoad(d.bestE1rmKg, units)})` : ''} · volume {formatLoad(d.volumeKg, units)}
              </Body>
              <Body muted>
                {d.sets.map((x) => `${formatLoad(x.loadKg, units)} × ${x.reps}${x.setType === 'WORKING' ? '' : ` ${SET_TYPE_LABEL[x.setType].toLowerCase()}`}`).join(', ')}
              </Body>
            </View>
          ))}
        </Card>
      ) : null}
    </Screen>
  );
}

const styles = StyleSheet.create({
  chips: { flexDirection: 'row', gap: 8, flexWrap: 'wrap' },
  chip: { minHeight: HIT, paddingHorizontal: 14, borderRadius: 22, justifyContent: 'center' },
});

import { useRouter } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { BodyMapFigure } from '#/components/BodyMapFigure';
import { Body, Button, Card, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { weekStartOf } from '#/lib/dates';
import { useTheme } from '#/lib/theme';
import type { ID } from '#/lib/graphql/scalars';
import { useAthleteActivity, useAthletesQuery, type AthleteEvent } from '#/state/queries/athletes';
import { hardSetsByMuscle } from '#/state/queries/body-map';
import { useCoachLinksQuery } from '#/state/queries/coach-links';

/** Coach: linked athletes with this week's body map, a live badge when one is training; invitations still waiting below. */
export function AthletesScreen() {
  const t = useTheme();
  const router = useRouter();
  const weekStart = weekStartOf(new Date());
  const [{ data, fetching, error }, refetch] = useAthletesQuery(weekStart);
  // Any event of any athlete: revalidate the list (an ETag makes an unchanged list free).
  useAthleteActivity<AthleteEvent | undefined>((_, event) => {
    refetch({ requestPolicy: 'network-only' });
    return event;
  });
  const open = (athleteId: ID, sessionId: ID) => router.push(`/athletes/${athleteId}?session=${sessionId}`);
  const [{ data: links }] = useCoachLinksQuery();
  const waiting = links?.coachLinks.filter((l) => l.status === 'PENDING') ?? [];

  return (
    <Screen>
      <Title>Athletes</Title>
      {!data && fetching ? <Loading label="Loading athletes" /> : null}
      <ErrorText error={error} />
      {data?.athletes.map((a) => (
        <Card key={a.user.id}>
          <View style={styles.header}>
            <Title level={2}>{a.user.displayName}</Title>
            {a.activeSession ? (
              <Text accessibilityLabel="Training now" style={[styles.live, { backgroundColor: t.danger }]}>
                LIVE
              </Text>
            ) : null}
          </View>
          <BodyMapFigure values={hardSetsByMuscle(a.bodyMap?.muscles)} size={160} compact />
          {a.activeSession ? (
            <Button label="Watch session" accessibilityLabel={`Watch ${a.user.displayName}'s session`} onPress={() => open(a.user.id, a.activeSession!.id)} />
          ) : null}
        </Card>
      ))}
      {data && data.athletes.length === 0 && waiting.length === 0 ? <Body muted>No athletes yet: invite one from Links.</Body> : null}
      {waiting.map((l) => (
        <Body key={l.id} muted>{`Invitation to ${l.athlete?.displayName ?? l.inviteeEmail ?? 'an athlete'}: waiting for an answer (Links).`}</Body>
      ))}
    </Screen>
  );
}

const styles = StyleSheet.create({
  header: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' },
  live: { color: '#fff', fontWeight: '700', paddingHorizontal: 8, paddingVertical: 2, borderRadius: 6, overflow: 'hidden' },
});

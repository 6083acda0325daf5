import { useLocalSearchParams } from 'expo-router';
import { SessionScreen } from '#/screens/SessionScreen';

/** Coach: an athlete's session, live and read-only. */
export default function AthleteLiveRoute() {
  const { athleteId, session } = useLocalSearchParams<{ athleteId: string; session: string }>();
  return <SessionScreen sessionId={session} athleteId={athleteId} readOnly />;
}

import { useLocalSearchParams } from 'expo-router';
import { SessionScreen } from '#/screens/SessionScreen';

export default function SessionRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  return <SessionScreen sessionId={id} />;
}

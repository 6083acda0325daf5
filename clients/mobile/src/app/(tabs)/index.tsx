import { Redirect } from 'expo-router';
import { WeekScreen } from '#/screens/WeekScreen';
import { useRole } from '#/state/queries/me';

/** The first tab: an athlete's week; a coach goes to their athletes. */
export default function WeekRoute() {
  if (useRole() === 'COACH') return <Redirect href="/athletes" />;
  return <WeekScreen />;
}

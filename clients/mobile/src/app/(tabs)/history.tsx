import { HistoryScreen } from '#/screens/HistoryScreen';

export default function HistoryRoute() {
  return <HistoryScreen />;
}

import { SettingsScreen } from '#/screens/SettingsScreen';

export default function SettingsRoute() {
  return <SettingsScreen />;
}

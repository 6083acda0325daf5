import { CoachLinksScreen } from '#/screens/CoachLinksScreen';

export default function CoachLinksRoute() {
  return <CoachLinksScreen />;
}

import { BodyMapScreen } from '#/screens/BodyMapScreen';

export default function BodyRoute() {
  return <BodyMapScreen />;
}

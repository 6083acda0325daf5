import { YourDataScreen } from '#/screens/YourDataScreen';

export default function YourDataRoute() {
  return <YourDataScreen />;
}

import { CoachChatScreen } from '#/screens/CoachChatScreen';

export default function CoachRoute() {
  return <CoachChatScreen />;
}

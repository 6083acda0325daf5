import { screen } from '@testing-library/react-native';
import { CoachChatScreen } from '#/screens/CoachChatScreen';
import { SessionScreen } from '#/screens/SessionScreen';
import { renderApp } from '#/test-utils/app';
import { session } from '#/test-utils/fixtures';

// The contract has no `coach` / `copilot` yet (being added on the server): the app says so and sends nothing.
describe('Coach and Copilot while the server does not offer them', () => {
  it('shows the coach chat as pending, without asking anything', async () => {
    const { server } = await renderApp(<CoachChatScreen />);
    expect(await screen.findByText(/The AI coach is not available yet/)).toBeOnTheScreen();
    expect(screen.queryByLabelText('Question for the coach')).toBeNull();
    expect(server.requests.map((r) => r.operationName)).not.toContain('Coach');
  });

  it('marks the session Copilot as pending instead of suggesting anything', async () => {
    const { server } = await renderApp(<SessionScreen sessionId={session.id} />);
    expect(await screen.findByText('Copilot (pending)')).toBeOnTheScreen();
    expect(screen.queryByRole('button', { name: 'Use suggestion' })).toBeNull();
    expect(server.requests.map((r) => r.operationName)).not.toContain('Copilot');
  });
});

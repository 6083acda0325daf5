import { screen } from '@testing-library/react-native';
import { CoachChatScreen } from '#/screens/CoachChatScreen';
import { SessionScreen } from '#/screens/SessionScreen';
import { renderApp } from '#/test-utils/app';
import { session } from '#/test-utils/fixtures';

// While the manifest has no Coach / Copilot operation (this branch's contract: they are being added on
// the server), the app says so and sends nothing. Mocked so the test keeps meaning that once they land.
jest.mock('#/state/queries/operations', () => {
  const actual = jest.requireActual<typeof import('#/state/queries/operations')>('#/state/queries/operations');
  return { ...actual, operationByName: (name: string) => (name === 'Coach' || name === 'Copilot' ? undefined : actual.operationByName(name)) };
});

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

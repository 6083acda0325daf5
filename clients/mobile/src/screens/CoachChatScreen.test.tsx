import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { CoachChatScreen } from '#/screens/CoachChatScreen';
import { SessionScreen } from '#/screens/SessionScreen';
import { renderApp } from '#/test-utils/app';
import { session } from '#/test-utils/fixtures';

describe('the AI coach', () => {
  it('asks the coach query and shows the answer with what it is based on', async () => {
    const { server } = await renderApp(<CoachChatScreen />);
    await fireEvent.changeText(screen.getByLabelText('Question for the coach'), 'How are my quads?');
    await fireEvent.press(screen.getByRole('button', { name: 'Ask' }));

    expect(await screen.findByText(/Quads got 6 hard sets this week/)).toBeOnTheScreen();
    expect(screen.getByText('Answered by the built-in coach from your data')).toBeOnTheScreen();
    expect(screen.queryByText(/\[1\] body map/)).toBeNull();
    await fireEvent.press(screen.getByRole('button', { name: 'Show the source' }));
    expect(screen.getByText(/\[1\] body map 2026-11-23:QUADS:hardSets = 6/)).toBeOnTheScreen();
    expect(server.requests.find((r) => r.operationName === 'Coach')).toMatchObject({ method: 'GET', variables: { question: 'How are my quads?' } });
  });
});

describe('the session Copilot', () => {
  it('suggests the next set, and “Use suggestion” puts it in the steppers', async () => {
    const { server } = await renderApp(<SessionScreen sessionId={session.id} />);
    expect(await screen.findByText(/^Next: Back Squat 102.5 kg × 5 @8 after 180s rest$/)).toBeOnTheScreen();
    await fireEvent.press(screen.getByRole('button', { name: 'Use suggestion' }));
    await fireEvent.press(screen.getByRole('button', { name: 'Log set 2 of Back Squat' }));

    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'LogSet')).toBe(true));
    expect(server.requests.find((r) => r.operationName === 'LogSet')!.variables.input).toMatchObject({ loadKg: 102.5, reps: 5, rpe: 8, restSeconds: 180 });
  });
});

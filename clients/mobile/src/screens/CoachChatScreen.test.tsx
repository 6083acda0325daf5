import { fireEvent, screen } from '@testing-library/react-native';
import { CoachChatScreen } from '#/screens/CoachChatScreen';
import { renderApp } from '#/test-utils/app';

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
    expect(server.requests.find((r) => r.operationName === 'CoachProposal')).toMatchObject({ method: 'GET', variables: { question: 'How are my quads?' } });
  });
});

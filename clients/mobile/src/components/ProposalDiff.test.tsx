import { fireEvent, screen } from '@testing-library/react-native';
import { CoachChatScreen } from '#/screens/CoachChatScreen';
import { renderApp } from '#/test-utils/app';

describe('a proposal of plan changes', () => {
  it('shows each change as before → after and accepts only the ticked lines', async () => {
    const { server } = await renderApp(<CoachChatScreen />);
    await fireEvent.changeText(screen.getByLabelText('Question for the coach'), 'What should I change next week?');
    await fireEvent.press(screen.getByRole('button', { name: 'Ask' }));

    const day2 = await screen.findByRole('checkbox', { name: 'Day 2 · Barbell Bench Press: 3×5 @ 60 kg → 4×6 @ 52.5 kg' });
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    await fireEvent.press(day2);
    await fireEvent.press(screen.getByRole('button', { name: 'Accept 2 of 3' }));

    expect(await screen.findByText(/Partly accepted \(2 of 3 changes applied to your plan\)/)).toBeOnTheScreen();
    const decision = server.requests.find((r) => r.operationName === 'DecidePlanProposal');
    expect(decision?.variables).toMatchObject({ input: { proposalId: '0193a000-0000-7000-8000-000000000001', acceptedItems: [0, 2] } });
  });

  it('rejects the whole proposal without changing anything', async () => {
    const { server } = await renderApp(<CoachChatScreen />);
    await fireEvent.changeText(screen.getByLabelText('Question for the coach'), 'What should I change next week?');
    await fireEvent.press(screen.getByRole('button', { name: 'Ask' }));
    await screen.findAllByRole('checkbox');

    await fireEvent.press(screen.getByRole('button', { name: 'Reject' }));

    expect(await screen.findByText('Rejected')).toBeOnTheScreen();
    expect(server.requests.find((r) => r.operationName === 'DecidePlanProposal')?.variables).toMatchObject({ input: { acceptedItems: [] } });
  });
});

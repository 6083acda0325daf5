import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { WeekScreen } from '#/screens/WeekScreen';
import { renderApp } from '#/test-utils/app';

jest.mock('expo-router', () => ({ useRouter: () => ({ push: jest.fn() }) }));

describe('the week screen', () => {
  it('shows each day with its exercises’ targets in the profile’s unit, and offers the open session', async () => {
    await renderApp(<WeekScreen />);
    expect(await screen.findByText('Day 1: Day A')).toBeOnTheScreen();
    expect(screen.getByText('Back Squat · 3 × 5 · 100 kg')).toBeOnTheScreen();
    expect(screen.getByText('Bench Press · 3 × 5–8 · 70 kg')).toBeOnTheScreen();
    expect(await screen.findByRole('button', { name: 'Resume session' })).toBeOnTheScreen();
  });

  it('switches the profile to pounds through updateProfile; loads stay kilograms on the wire', async () => {
    const { server } = await renderApp(<WeekScreen />);
    await screen.findByText('Back Squat · 3 × 5 · 100 kg');
    await fireEvent.press(screen.getByRole('radio', { name: 'Pounds' }));

    await waitFor(() => expect(screen.getByText('Back Squat · 3 × 5 · 220.5 lb')).toBeOnTheScreen());
    const update = server.requests.find((r) => r.operationName === 'UpdateProfile');
    expect(update).toMatchObject({ method: 'POST', variables: { input: { units: 'LB' } } });
    expect((update!.variables.input as { clientMutationId: string }).clientMutationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

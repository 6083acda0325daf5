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

describe('changing a planned exercise’s targets', () => {
  it('queues sets, reps and load (the profile’s unit) as one changePlannedTargets and shows them at once', async () => {
    const { server } = await renderApp(<WeekScreen />);
    await screen.findByText('Back Squat · 3 × 5 · 100 kg');
    await fireEvent.press(screen.getByRole('button', { name: 'Edit Back Squat on day 1' }));

    await fireEvent.changeText(screen.getByLabelText('Sets for Back Squat'), '4');
    await fireEvent.changeText(screen.getByLabelText('Reps from for Back Squat'), '6');
    await fireEvent.changeText(screen.getByLabelText('Reps to for Back Squat'), '8');
    await fireEvent.changeText(screen.getByLabelText('Load for Back Squat'), '102.5');
    await fireEvent.press(screen.getByRole('button', { name: 'Save targets for Back Squat' }));

    expect(await screen.findByText('Back Squat · 4 × 6–8 · 102.5 kg')).toBeOnTheScreen();
    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'ChangePlannedTargets')).toBe(true));
    const sent = server.requests.find((r) => r.operationName === 'ChangePlannedTargets')!;
    expect(sent.variables.input).toMatchObject({ dayNumber: 1, exerciseId: 'barbell-back-squat', sets: 4, repsMin: 6, repsMax: 8, load: 102.5 });
    expect(sent.variables.input).not.toHaveProperty('rpe');
    expect((sent.variables.input as { clientMutationId: string }).clientMutationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names a target out of range under its field, sends nothing, and clears the message when the field changes', async () => {
    const { server } = await renderApp(<WeekScreen />);
    await screen.findByText('Back Squat · 3 × 5 · 100 kg');
    await fireEvent.press(screen.getByRole('button', { name: 'Edit Back Squat on day 1' }));

    await fireEvent.changeText(screen.getByLabelText('RPE for Back Squat'), '11');
    await fireEvent.changeText(screen.getByLabelText('Reps to for Back Squat'), '3');
    await fireEvent.press(screen.getByRole('button', { name: 'Save targets for Back Squat' }));

    expect(screen.getByText('RPE must be 1 to 10 in steps of 0.5.')).toBeOnTheScreen();
    expect(screen.getByText('The most reps cannot be fewer than the least.')).toBeOnTheScreen();
    await fireEvent.changeText(screen.getByLabelText('RPE for Back Squat'), '8.5');
    expect(screen.queryByText('RPE must be 1 to 10 in steps of 0.5.')).toBeNull();
    expect(screen.getByText('The most reps cannot be fewer than the least.')).toBeOnTheScreen();
    expect(server.requests.some((r) => r.operationName === 'ChangePlannedTargets')).toBe(false);
  });
});

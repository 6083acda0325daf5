import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { OnboardingScreen } from '#/screens/OnboardingScreen';
import { renderApp } from '#/test-utils/app';

describe('onboarding', () => {
  it('saves the goal as it is chosen, then the settings, as updateProfile calls', async () => {
    const { server } = await renderApp(<OnboardingScreen />);
    await fireEvent.press(await screen.findByRole('button', { name: 'Build muscle' }));
    await fireEvent.press(await screen.findByRole('button', { name: 'Decrease days a week' }));
    await fireEvent.press(screen.getByRole('button', { name: 'Show my plan' }));

    await waitFor(() => expect(server.requests.filter((r) => r.operationName === 'UpdateProfile')).toHaveLength(2));
    const [goal, settings] = server.requests.filter((r) => r.operationName === 'UpdateProfile');
    expect(goal!.variables.input).toMatchObject({ goal: 'HYPERTROPHY' });
    expect(settings!.variables.input).toMatchObject({ daysPerWeek: 2, timeZone: 'Europe/Berlin' });
  });
});

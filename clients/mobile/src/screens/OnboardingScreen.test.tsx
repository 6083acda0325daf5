import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { Text } from 'react-native';
import { OnboardingScreen } from '#/screens/OnboardingScreen';
import { renderApp } from '#/test-utils/app';
import { createDemoServer } from '#/test-utils/demo-server';
import { useSession } from '#/state/session';

/** What the root layout does: onboarding until it is finished, then the app. */
function Gate() {
  const { state } = useSession();
  return state.status === 'signedIn' && state.onboarding ? <OnboardingScreen /> : <Text>The app</Text>;
}

function coachServer(reply: (email: string) => { message: string; extensions: Record<string, unknown> } | null) {
  const server = createDemoServer({ role: 'COACH' });
  server.intercept = (op, variables) => {
    const input = variables.input as Record<string, string> | undefined;
    if (op === 'CoachLinks') return { status: 200, body: { data: { coachLinks: [] } } };
    if (op !== 'RequestCoachLink') return undefined;
    const refused = reply(input!.email!);
    if (refused) return { status: 200, body: { data: null, errors: [refused] } };
    const link = { id: '11111111-0000-4000-8000-000000000009', status: 'PENDING', requestedBy: 'c0ac4000-0000-4000-8000-000000000002', inviteeEmail: input!.email, createdAt: '2026-12-02T08:00:00Z', acceptedAt: null, endedAt: null, coach: null, athlete: null };
    return { status: 200, body: { data: { requestCoachLink: { clientMutationId: input!.clientMutationId, replayed: false, link } } } };
  };
  return server;
}

describe('onboarding', () => {
  it('saves the goal, experience and settings of an athlete in one updateProfile, then shows the app', async () => {
    const { server } = await renderApp(<Gate />, { onboarding: true });
    await fireEvent.press(await screen.findByRole('radio', { name: 'Build muscle' }));
    await fireEvent.press(screen.getByRole('radio', { name: 'New to lifting' }));
    await fireEvent.press(screen.getByRole('button', { name: 'Decrease days a week' }));
    await fireEvent.press(screen.getByRole('button', { name: 'Show my plan' }));

    expect(await screen.findByText('The app')).toBeOnTheScreen();
    const updates = server.requests.filter((r) => r.operationName === 'UpdateProfile');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.variables.input).toMatchObject({ goal: 'HYPERTROPHY', experience: 'BEGINNER', daysPerWeek: 2, timeZone: 'Europe/Berlin' });
  });

  it('has a coach invite a first athlete by email, then shows the app', async () => {
    const server = coachServer(() => null);
    await renderApp(<Gate />, { server, role: 'COACH', onboarding: true });
    expect(await screen.findByText('Your athletes will see you as Casey Coach.')).toBeOnTheScreen();
    await fireEvent.changeText(screen.getByLabelText("Athlete's email"), ' dana@example.org ');
    await fireEvent.press(screen.getByRole('button', { name: 'Invite and go to my athletes' }));

    expect(await screen.findByText('The app')).toBeOnTheScreen();
    expect(server.requests.find((r) => r.operationName === 'RequestCoachLink')!.variables.input).toMatchObject({ email: 'dana@example.org' });
    expect(server.requests.filter((r) => r.operationName === 'UpdateProfile')).toHaveLength(0);
  });

  it('keeps a coach on onboarding with the server’s reason when the invitation is refused', async () => {
    const server = coachServer(() => ({ message: 'email: is not a valid email address.', extensions: { code: 'VALIDATION', field: 'email' } }));
    await renderApp(<Gate />, { server, role: 'COACH', onboarding: true });
    await fireEvent.changeText(await screen.findByLabelText("Athlete's email"), 'not-an-email');
    await fireEvent.press(screen.getByRole('button', { name: 'Invite and go to my athletes' }));

    expect(await screen.findByText('email: is not a valid email address.')).toBeOnTheScreen();
    expect(screen.queryByText('The app')).toBeNull();
  });

  it('lets a coach skip the first invitation', async () => {
    await renderApp(<Gate />, { server: coachServer(() => null), role: 'COACH', onboarding: true });
    await fireEvent.press(await screen.findByRole('button', { name: 'Skip for now' }));

    expect(await screen.findByText('The app')).toBeOnTheScreen();
  });
});

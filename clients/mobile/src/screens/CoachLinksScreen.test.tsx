import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { CoachLinksScreen } from '#/screens/CoachLinksScreen';
import { renderApp } from '#/test-utils/app';
import { createDemoServer } from '#/test-utils/demo-server';
import { athleteUser } from '#/test-utils/fixtures';

const pendingFromCoach = {
  id: '11111111-0000-4000-8000-000000000001',
  status: 'PENDING',
  requestedBy: 'c0ac4000-0000-4000-8000-000000000002',
  inviteeEmail: 'alex@example.org',
  createdAt: '2026-11-20T08:00:00Z',
  acceptedAt: null,
  endedAt: null,
  coach: { id: 'c0ac4000-0000-4000-8000-000000000002', displayName: 'Casey Coach' },
  athlete: null,
};

function serverWith(links: unknown[]) {
  const server = createDemoServer();
  server.intercept = (op, variables) => {
    const input = variables.input as Record<string, string> | undefined;
    const payload = (status: string) => ({
      status: 200,
      body: { data: { [op.charAt(0).toLowerCase() + op.slice(1)]: { clientMutationId: input?.clientMutationId, replayed: false, link: { ...pendingFromCoach, status } } } },
    });
    if (op === 'CoachLinks') return { status: 200, body: { data: { coachLinks: links } } };
    if (op === 'AcceptCoachLink') return payload('ACTIVE');
    if (op === 'EndCoachLink') return payload('ENDED');
    if (op === 'RequestCoachLink') return payload('PENDING');
    return undefined;
  };
  return server;
}

describe('the coach links screen', () => {
  it('lets an athlete accept a coach’s request', async () => {
    const server = serverWith([pendingFromCoach]);
    await renderApp(<CoachLinksScreen />, { server });

    await fireEvent.press(await screen.findByRole('button', { name: 'Accept Casey Coach' }));

    await waitFor(() => expect(server.requests.find((r) => r.operationName === 'AcceptCoachLink')).toBeDefined());
    expect(server.requests.find((r) => r.operationName === 'AcceptCoachLink')!.variables.input).toMatchObject({ linkId: pendingFromCoach.id });
    expect(screen.getByText('Wants to link with you')).toBeOnTheScreen();
  });

  it('ends an active link and invites by email', async () => {
    const server = serverWith([{ ...pendingFromCoach, status: 'ACTIVE', requestedBy: athleteUser.id }]);
    await renderApp(<CoachLinksScreen />, { server });

    await fireEvent.press(await screen.findByRole('button', { name: 'End link with Casey Coach' }));
    await fireEvent.changeText(screen.getByLabelText('Email to invite'), 'new-coach@example.org');
    await fireEvent.press(screen.getByRole('button', { name: 'Send invitation' }));

    await waitFor(() => expect(server.requests.find((r) => r.operationName === 'RequestCoachLink')).toBeDefined());
    expect(server.requests.find((r) => r.operationName === 'EndCoachLink')!.variables.input).toMatchObject({ linkId: pendingFromCoach.id });
    expect(server.requests.find((r) => r.operationName === 'RequestCoachLink')!.variables.input).toMatchObject({ email: 'new-coach@example.org' });
  });
});

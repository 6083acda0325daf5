import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { useState } from 'react';
import { Button } from '#/components/ui';
import { SessionScreen } from '#/screens/SessionScreen';
import { useStartSession } from '#/state/queries/workout-session';
import { renderApp } from '#/test-utils/app';
import { session } from '#/test-utils/fixtures';

describe('the session Copilot', () => {
  it('suggests the next set, and “Use suggestion” puts it in the steppers', async () => {
    const { server } = await renderApp(<SessionScreen sessionId={session.id} />);
    expect(await screen.findByText(/^Next: Back Squat 102.5 kg × 5 @8 after 180s rest$/)).toBeOnTheScreen();
    await fireEvent.press(screen.getByRole('button', { name: 'Use suggestion' }));
    await fireEvent.press(screen.getByRole('button', { name: 'Log set 2 of Back Squat' }));

    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'LogSet')).toBe(true));
    expect(server.requests.find((r) => r.operationName === 'LogSet')!.variables.input).toMatchObject({ loadKg: 102.5, reps: 5, rpe: 8, restSeconds: 180 });
  });

  it('swaps the exercise when the athlete marks its equipment as taken, and logs the swap', async () => {
    const { server } = await renderApp(<SessionScreen sessionId={session.id} />);
    await screen.findByText(/^Next: Back Squat/);
    const rack = screen.getByRole('checkbox', { name: 'squat rack taken' });
    expect(rack).not.toBeChecked();

    await fireEvent.press(rack);

    expect(await screen.findByText('Swap: Dumbbell Goblet Squat (the equipment is taken)')).toBeOnTheScreen();
    expect(screen.getByRole('checkbox', { name: 'squat rack taken' })).toBeChecked();
    expect(server.requests.filter((r) => r.operationName === 'Copilot').at(-1)).toMatchObject({ method: 'GET', variables: { equipmentTaken: ['SQUAT_RACK'] } });
    expect(screen.getByText('Swap for Back Squat')).toBeOnTheScreen();
    await fireEvent.press(screen.getByRole('button', { name: 'Log set 1 of Dumbbell Goblet Squat' }));
    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'LogSet')).toBe(true));
    expect(server.requests.find((r) => r.operationName === 'LogSet')!.variables.input).toMatchObject({ exerciseId: 'dumbbell-goblet-squat', loadKg: 30, reps: 10, rpe: 8 });

    await fireEvent.press(screen.getByRole('checkbox', { name: 'squat rack taken' }));
    expect(await screen.findByText(/^Next: Back Squat/)).toBeOnTheScreen();
    expect(screen.queryByText(/^Swap:/)).toBeNull();
  });
});

describe('a session started offline', () => {
  function StartThenTrain() {
    const start = useStartSession();
    const [sessionId, setSessionId] = useState<string | null>(null);
    return sessionId ? <SessionScreen sessionId={sessionId} /> : <Button label="Start day 1" onPress={() => setSessionId(start(1))} />;
  }

  it('opens at once, takes sets and a finish, and syncs start, set and finish in that order', async () => {
    const { server, queue } = await renderApp(<StartThenTrain />);
    await act(async () => queue.setOnline(false));

    await fireEvent.press(screen.getByRole('button', { name: 'Start day 1' }));
    expect(await screen.findByText(/not synced yet/)).toBeOnTheScreen();
    await fireEvent.press(await screen.findByRole('button', { name: 'Log set 1 of Back Squat' }));
    await fireEvent.press(screen.getByRole('button', { name: 'Finish session' }));

    expect(await screen.findByText(/finished \(waiting to sync\)/)).toBeOnTheScreen();
    expect(screen.getByText('3 changes waiting to sync (offline)')).toBeOnTheScreen();
    const mutations = () => server.requests.filter((r) => r.method === 'POST').map((r) => r.operationName);
    expect(mutations()).toEqual([]);

    await act(async () => queue.setOnline(true));

    await waitFor(() => expect(mutations()).toEqual(['StartSession', 'LogSet', 'FinishSession']));
    const [start, log, finish] = server.requests.filter((r) => r.method === 'POST').map((r) => r.variables.input as Record<string, unknown>);
    expect(start).toMatchObject({ planDayNumber: 1, sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(log).toMatchObject({ sessionId: start!.sessionId });
    expect(finish).toMatchObject({ sessionId: start!.sessionId });
    await waitFor(() => expect(screen.queryByText(/waiting to sync/)).toBeNull());
    expect(screen.getByText(/· finished$/)).toBeOnTheScreen();
    expect(screen.queryByText(/not synced yet/)).toBeNull();
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { HANG, createDemoServer } from '#/test-utils/demo-server';
import { SessionScreen } from '#/screens/SessionScreen';
import { renderApp } from '#/test-utils/app';
import { profile, session } from '#/test-utils/fixtures';

const logButton = () => screen.getByRole('button', { name: 'Log set 2 of Back Squat' });

describe('logging a set from the session screen', () => {
  it('shows the set at once, marked pending, before the server answers', async () => {
    const server = createDemoServer();
    server.intercept = (op) => (op === 'LogSet' ? HANG : undefined);
    await renderApp(<SessionScreen sessionId={session.id} />, { server });

    await screen.findByText('Day A');
    await fireEvent.press(logButton());

    expect(screen.getByLabelText(/^Set 2 of Back Squat: target .*, done .*, waiting to sync$/)).toBeOnTheScreen();
    expect(screen.getByText('1 set waiting to sync')).toBeOnTheScreen();
    expect(server.requests.filter((r) => r.operationName === 'LogSet')).toHaveLength(1);
  });

  it('confirms the set when the queue item succeeds', async () => {
    const { server } = await renderApp(<SessionScreen sessionId={session.id} />);
    await screen.findByText('Day A');
    await fireEvent.press(logButton());

    await waitFor(() => expect(screen.getByLabelText(/^Set 2 of Back Squat: target .*, done [^,]*$/)).toBeOnTheScreen());
    expect(screen.queryByText(/waiting to sync/)).toBeNull();
    expect(server.sessions.get(session.id)!.sets).toHaveLength(2);
    const logSet = server.requests.find((r) => r.operationName === 'LogSet')!;
    expect(logSet.method).toBe('POST');
    expect(logSet.variables.input).toMatchObject({ sessionId: session.id, exerciseId: 'barbell-back-squat', loadKg: 100, reps: 5 });
  });

  it('rolls the set back on IDEMPOTENCY_CONFLICT and tells the user why', async () => {
    const server = createDemoServer();
    server.intercept = (op) =>
      op === 'LogSet'
        ? { status: 200, body: { data: null, errors: [{ message: 'conflict', extensions: { code: 'IDEMPOTENCY_CONFLICT' } }] } }
        : undefined;
    await renderApp(<SessionScreen sessionId={session.id} />, { server });
    await screen.findByText('Day A');
    await fireEvent.press(logButton());

    expect(await screen.findByText('Set not saved: the server already has a different change with the same id.')).toBeOnTheScreen();
    expect(screen.queryByLabelText(/^Set 2 of Back Squat: .*, done /)).toBeNull();
    expect(screen.getByLabelText(/^Set 2 of Back Squat: .*not done yet$/)).toBeOnTheScreen();

    await fireEvent.press(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Set not saved/)).toBeNull();
  });

  it('logs in the user units: 225 lb is sent as kilograms', async () => {
    const server = createDemoServer();
    const { profile } = jest.requireActual<typeof import('#/test-utils/fixtures')>('#/test-utils/fixtures');
    const original = server.intercept;
    server.intercept = (op) => (op === 'Profile' ? { status: 200, body: { data: { profile: { ...profile, units: 'LB' } } } } : original?.(op, {}));
    await renderApp(<SessionScreen sessionId={session.id} />, { server });
    await screen.findByText('Day A');
    await screen.findAllByText('220 lb'); // 100 kg rounded to 1 lb steps in the stepper
    await fireEvent.press(screen.getAllByRole('button', { name: 'Increase load of Back Squat' })[0]!);
    await fireEvent.press(logButton());
    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'LogSet')).toBe(true));
    const input = server.requests.find((r) => r.operationName === 'LogSet')!.variables.input as { loadKg: number };
    expect(input.loadKg).toBeCloseTo(225 * 0.45359237, 3);
  });

  it('starts the rest timer after a set', async () => {
    await renderApp(<SessionScreen sessionId={session.id} />);
    await screen.findByText('Day A');
    expect(screen.queryByRole('button', { name: 'Skip rest' })).toBeNull();
    await fireEvent.press(logButton());
    expect(screen.getByRole('button', { name: 'Skip rest' })).toBeOnTheScreen();
    await fireEvent.press(screen.getByRole('button', { name: 'Skip rest' }));
    expect(screen.queryByRole('button', { name: 'Skip rest' })).toBeNull();
  });

  it('deletes a set from its long-press menu, at once and then on the server', async () => {
    const { server } = await renderApp(<SessionScreen sessionId={session.id} />);
    await screen.findByText('Day A');
    await fireEvent(screen.getByLabelText(/^Set 1 of Back Squat: .*, done /), 'longPress');
    await fireEvent.press(screen.getByRole('button', { name: 'Delete set 1 of Back Squat' }));

    expect(screen.getByLabelText(/^Set 1 of Back Squat: .*not done yet$/)).toBeOnTheScreen();
    await waitFor(() => expect(server.sessions.get(session.id)!.sets).toHaveLength(0));
    expect(server.requests.find((r) => r.operationName === 'DeleteSet')?.variables.input).toMatchObject({ setId: session.sets[0]!.id });
  });

  it('edits a set from its long-press menu', async () => {
    const { server } = await renderApp(<SessionScreen sessionId={session.id} />);
    await screen.findByText('Day A');
    await fireEvent(screen.getByLabelText(/^Set 1 of Back Squat: .*, done /), 'longPress');
    await fireEvent.press(screen.getByRole('button', { name: 'Edit set 1 of Back Squat' }));
    await fireEvent.press(screen.getAllByRole('button', { name: 'Increase reps of Back Squat' })[0]!);
    await fireEvent.press(screen.getByRole('button', { name: 'Save edit of Back Squat' }));

    await waitFor(() => expect(server.sessions.get(session.id)!.sets[0]?.reps).toBe(6));
    expect(screen.getByLabelText(/^Set 1 of Back Squat: .*done 100 kg × 6/)).toBeOnTheScreen();
  });

  it('logs a warm-up with its note, and the row says warm-up', async () => {
    const { server } = await renderApp(<SessionScreen sessionId={session.id} />);
    await screen.findByText('Day A');
    await fireEvent.press(screen.getByRole('radio', { name: 'Warm-up set of Back Squat' }));
    await fireEvent.changeText(screen.getByLabelText('Note for set 2 of Back Squat'), 'Knees out');
    await fireEvent.press(logButton());

    await waitFor(() => expect(screen.getByLabelText(/^Set 2 of Back Squat: target .*, done 100 kg × 5 @[0-9.]+, warm-up$/)).toBeOnTheScreen());
    expect(server.requests.find((r) => r.operationName === 'LogSet')!.variables.input).toMatchObject({ setType: 'WARMUP', isWarmup: true, note: 'Knees out' });
    expect(screen.getByText('Note: Knees out')).toBeOnTheScreen();
  });

  it('shows the plates per side for the load on the bar', async () => {
    await renderApp(<SessionScreen sessionId={session.id} />);
    await screen.findByText('Day A');
    expect(screen.getByLabelText('Plates for 100 kg of Back Squat: 20 kg bar + 25 + 15 per side')).toBeOnTheScreen();
    await fireEvent.press(screen.getByRole('button', { name: 'Increase load of Back Squat' }));
    expect(screen.getByLabelText('Plates for 102.5 kg of Back Squat: 20 kg bar + 25 + 15 + 1.25 per side')).toBeOnTheScreen();
  });

  it('shows the plates of the athlete’s loading setup from the profile: their bar and smallest plate', async () => {
    const server = createDemoServer({ profile: { loading: { ...profile.loading, barWeight: 15, smallestPlatePerSide: 0.5 } } });
    await renderApp(<SessionScreen sessionId={session.id} />, { server });
    await screen.findByText('Day A');
    expect(await screen.findByLabelText('Plates for 100 kg of Back Squat: 15 kg bar + 25 + 15 + 2.5 per side')).toBeOnTheScreen();
    await fireEvent.press(screen.getByRole('button', { name: 'Increase load of Back Squat' }));
    expect(screen.getByLabelText('Plates for 102.5 kg of Back Squat: 15 kg bar + 25 + 15 + 2.5 + 1.25 per side')).toBeOnTheScreen();
  });

  it('celebrates a set that breaks a record once the server says so', async () => {
    await renderApp(<SessionScreen sessionId={session.id} />);
    await screen.findByText('Day A');
    await fireEvent.press(screen.getByRole('button', { name: 'Increase load of Back Squat' }));
    await fireEvent.press(logButton());

    expect(await screen.findByText(/New record: Heaviest load/)).toBeOnTheScreen();
  });
});

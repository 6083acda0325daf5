import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { ROLE_IS_FIXED, SettingsScreen } from '#/screens/SettingsScreen';
import { renderApp } from '#/test-utils/app';
import { createDemoServer } from '#/test-utils/demo-server';

describe('the settings screen', () => {
  it('saves days, equipment, dumbbell steps and time zone in one updateProfile', async () => {
    const { server } = await renderApp(<SettingsScreen />);
    await fireEvent.press(await screen.findByRole('button', { name: 'Increase days a week' }));
    await fireEvent.press(screen.getByRole('checkbox', { name: 'Barbell' }));
    await fireEvent.changeText(screen.getByLabelText('Dumbbell steps'), '2.5');
    await fireEvent.changeText(screen.getByLabelText('Time zone'), 'America/Los_Angeles');
    await fireEvent.press(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved: your plan is rebuilt from these settings.')).toBeOnTheScreen();
    const update = server.requests.find((r) => r.operationName === 'UpdateProfile');
    expect(update?.variables.input).toMatchObject({
      daysPerWeek: 4,
      equipment: ['BENCH', 'SQUAT_RACK', 'DUMBBELL'],
      timeZone: 'America/Los_Angeles',
      loading: { dumbbellStep: 2.5 },
    });
  });

  it('shows the server’s refusal under the field it names', async () => {
    const server = createDemoServer();
    server.intercept = (op) =>
      op === 'UpdateProfile'
        ? {
            status: 200,
            body: {
              data: null,
              errors: [{ message: 'timeZone: must be an IANA time zone id such as Europe/Berlin or America/Los_Angeles.', extensions: { code: 'VALIDATION', field: 'timeZone' } }],
            },
          }
        : undefined;
    await renderApp(<SettingsScreen />, { server });
    await fireEvent.changeText(await screen.findByLabelText('Time zone'), 'Mars/Olympus');
    await fireEvent.press(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByText(/must be an IANA time zone id/)).toBeOnTheScreen());
    expect(screen.queryByText('Saved: your plan is rebuilt from these settings.')).toBeNull();
  });

  it('edits goal, experience and every loading setting in the same updateProfile', async () => {
    const { server } = await renderApp(<SettingsScreen />);
    await fireEvent.press(await screen.findByRole('radio', { name: 'Build muscle' }));
    await fireEvent.press(screen.getByRole('radio', { name: 'Several years' }));
    await fireEvent.changeText(screen.getByLabelText('Barbell weight'), '15');
    await fireEvent.changeText(screen.getByLabelText('Smallest plate pair'), '0.5');
    await fireEvent.changeText(screen.getByLabelText('Machine stack steps'), '2.5');
    await fireEvent.changeText(screen.getByLabelText('Kettlebells'), '8, 16, 24');
    await fireEvent.press(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved: your plan is rebuilt from these settings.')).toBeOnTheScreen();
    const update = server.requests.find((r) => r.operationName === 'UpdateProfile');
    expect(update?.variables.input).toMatchObject({
      goal: 'HYPERTROPHY',
      experience: 'ADVANCED',
      loading: { barWeight: 15, smallestPlatePerSide: 0.5, stackStep: 2.5, kettlebellSizes: [8, 16, 24] },
    });
  });

  it('shows a refused bar weight under the bar weight field, and a value that is not a number without asking the server', async () => {
    const server = createDemoServer();
    server.intercept = (op) =>
      op === 'UpdateProfile'
        ? {
            status: 200,
            body: { data: null, errors: [{ message: 'loading.barWeight: must be from 5 to 50 (at most 3 decimals).', extensions: { code: 'VALIDATION', field: 'loading.barWeight' } }] },
          }
        : undefined;
    await renderApp(<SettingsScreen />, { server });
    await fireEvent.changeText(await screen.findByLabelText('Dumbbell steps'), 'two');
    await fireEvent.press(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('must be a number.')).toBeOnTheScreen();
    expect(server.requests.filter((r) => r.operationName === 'UpdateProfile')).toHaveLength(0);

    await fireEvent.changeText(screen.getByLabelText('Dumbbell steps'), '2');
    await fireEvent.changeText(screen.getByLabelText('Barbell weight'), '500');
    await fireEvent.press(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(within(screen.getByTestId('field-loading.barWeight')).getByText(/must be from 5 to 50/)).toBeOnTheScreen());
    expect(screen.getAllByText(/must be from 5 to 50/)).toHaveLength(1);
    expect(screen.queryByText('Saved: your plan is rebuilt from these settings.')).toBeNull();
  });

  it('says the role cannot change, and why', async () => {
    await renderApp(<SettingsScreen />);

    expect(await screen.findByText('Role: athlete')).toBeOnTheScreen();
    expect(screen.getByText(ROLE_IS_FIXED)).toBeOnTheScreen();
  });

  it('gives a coach their name and the role, with no training profile to edit', async () => {
    const { server } = await renderApp(<SettingsScreen />, { role: 'COACH' });

    expect(await screen.findByText('Athletes see you as Casey Coach.')).toBeOnTheScreen();
    expect(screen.getByText('Role: coach')).toBeOnTheScreen();
    expect(screen.getByText(ROLE_IS_FIXED)).toBeOnTheScreen();
    expect(screen.queryByLabelText('Barbell weight')).toBeNull();
    expect(server.requests.filter((r) => r.operationName === 'Profile')).toHaveLength(0);
  });
});

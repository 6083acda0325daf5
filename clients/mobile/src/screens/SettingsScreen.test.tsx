import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { SettingsScreen } from '#/screens/SettingsScreen';
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
});

import { createRestAlarm, type NotificationPermission, type RestNotifier } from '#/lib/rest-alarm';

/** A notifier that keeps what is scheduled, asks like the system does, and can hold a schedule call open. */
function fakeNotifier(permission: NotificationPermission, answer: NotificationPermission = 'granted') {
  const state = {
    permission,
    asked: 0,
    scheduled: new Map<string, { at: number; title: string; body: string }>(),
    next: 0,
    hold: null as null | Promise<void>,
  };
  const notifier: RestNotifier = {
    permission: async () => state.permission,
    requestPermission: async () => {
      state.asked++;
      state.permission = answer;
      return answer;
    },
    schedule: async (at, title, body) => {
      if (state.hold) await state.hold;
      const id = `n${++state.next}`;
      state.scheduled.set(id, { at, title, body });
      return id;
    },
    cancel: async (id) => {
      state.scheduled.delete(id);
    },
  };
  return { notifier, state };
}

const T0 = Date.UTC(2026, 11, 2, 17, 0, 0);

describe('the rest alarm', () => {
  it('schedules a notification for the end of the rest, naming what comes next', async () => {
    const { notifier, state } = fakeNotifier('granted');
    const alarm = createRestAlarm(notifier);

    await alarm.start(90, T0, 'Back Squat');

    expect([...state.scheduled.values()]).toEqual([{ at: T0 + 90_000, title: 'Rest is over', body: 'Time for your next set of Back Squat.' }]);
  });

  it('cancels it when the rest is skipped or ends on screen', async () => {
    const { notifier, state } = fakeNotifier('granted');
    const alarm = createRestAlarm(notifier);
    await alarm.start(90, T0);

    await alarm.stop();

    expect(state.scheduled.size).toBe(0);
  });

  it('replaces it when the next set starts a new rest', async () => {
    const { notifier, state } = fakeNotifier('granted');
    const alarm = createRestAlarm(notifier);
    await alarm.start(90, T0);

    await alarm.start(120, T0 + 30_000);

    expect([...state.scheduled.values()].map((n) => n.at)).toEqual([T0 + 150_000]);
  });

  it('cancels an alarm that was still being scheduled when the rest was skipped', async () => {
    const { notifier, state } = fakeNotifier('granted');
    let release!: () => void;
    state.hold = new Promise((r) => (release = r));
    const alarm = createRestAlarm(notifier);

    const starting = alarm.start(90, T0);
    const stopping = alarm.stop();
    release();
    await Promise.all([starting, stopping]);

    expect(state.scheduled.size).toBe(0);
  });

  it('asks for permission the first time a rest starts, and once refused never asks again nor schedules', async () => {
    const { notifier, state } = fakeNotifier('undetermined', 'denied');
    const alarm = createRestAlarm(notifier);

    await alarm.start(90, T0);
    await alarm.start(90, T0 + 100_000);

    expect(state.asked).toBe(1);
    expect(state.scheduled.size).toBe(0);
  });

  it('schedules once the athlete allows it when asked', async () => {
    const { notifier, state } = fakeNotifier('undetermined', 'granted');
    const alarm = createRestAlarm(notifier);

    await alarm.start(60, T0);

    expect(state.asked).toBe(1);
    expect(state.scheduled.size).toBe(1);
  });

  it('neither asks nor schedules for a rest too short to leave the app, nor without notifications (the web)', async () => {
    const { notifier, state } = fakeNotifier('undetermined');
    await createRestAlarm(notifier).start(3, T0);
    await expect(createRestAlarm(null).start(90, T0)).resolves.toBeUndefined();

    expect(state.asked).toBe(0);
    expect(state.scheduled.size).toBe(0);
  });

  it('keeps the rest going without an alarm when the notifier fails', async () => {
    const { notifier } = fakeNotifier('granted');
    const alarm = createRestAlarm({ ...notifier, schedule: () => Promise.reject(new Error('no notifications here')) });

    await expect(alarm.start(90, T0)).resolves.toBeUndefined();
    await expect(alarm.stop()).resolves.toBeUndefined();
  });
});

/**
 * The rest timer's alarm for when the app is in the background: a local notification scheduled for the
 * moment the rest ends, cancelled when the rest is skipped or ends on screen, and replaced when the next
 * set starts a new rest. Pure: the platform's notifications come in as a `RestNotifier`
 * (`rest-notifier.native.ts` on the phone; none on the web, whose timer keeps time by the clock and shows
 * the elapsed state when the tab returns).
 *
 * Permission is asked sensibly: not at launch, but the first time a rest starts (the moment the athlete
 * sees why), and only while the system still lets the app ask; once refused, rests run without an alarm
 * and nobody is asked again.
 */

export type NotificationPermission = 'granted' | 'denied' | 'undetermined';

export interface RestNotifier {
  permission(): Promise<NotificationPermission>;
  /** Shows the system prompt; resolves to what the athlete chose. */
  requestPermission(): Promise<NotificationPermission>;
  /** Schedules one notification at `at` (epoch ms); resolves to its id. */
  schedule(at: number, title: string, body: string): Promise<string>;
  cancel(id: string): Promise<void>;
}

export interface RestAlarm {
  /** A rest of `seconds` starts now (`now`, epoch ms): the alarm for its end replaces any earlier one. */
  start(seconds: number, now: number, next?: string): Promise<void>;
  /** The rest was skipped, ended on screen, or the next set was logged: no alarm. */
  stop(): Promise<void>;
}

/** Rests shorter than this end before the athlete could have left the app: no alarm. */
export const MIN_ALARM_SECONDS = 5;

export function restAlarmText(next?: string): { title: string; body: string } {
  return { title: 'Rest is over', body: next ? `Time for your next set of ${next}.` : 'Time for your next set.' };
}

export function createRestAlarm(notifier: RestNotifier | null): RestAlarm {
  let scheduled: Promise<string | null> = Promise.resolve(null);
  // Each start or stop makes a new generation; an alarm scheduled for an older one is cancelled as soon as it exists.
  let generation = 0;
  let refused = false;

  const cancelScheduled = async () => {
    const id = await scheduled.catch(() => null);
    if (id && notifier) await notifier.cancel(id).catch(() => undefined);
  };

  const allowed = async (): Promise<boolean> => {
    if (!notifier || refused) return false;
    let permission = await notifier.permission();
    if (permission === 'undetermined') permission = await notifier.requestPermission();
    refused = permission !== 'granted';
    return !refused;
  };

  return {
    async start(seconds, now, next) {
      const mine = ++generation;
      const previous = cancelScheduled();
      if (!notifier || seconds < MIN_ALARM_SECONDS) {
        scheduled = Promise.resolve(null);
        await previous;
        return;
      }
      scheduled = (async () => {
        await previous;
        if (!(await allowed().catch(() => false)) || mine !== generation) return null;
        const { title, body } = restAlarmText(next);
        const id = await notifier.schedule(now + seconds * 1000, title, body);
        if (mine !== generation) {
          // Stopped or restarted while it was being scheduled.
          await notifier.cancel(id).catch(() => undefined);
          return null;
        }
        return id;
      })().catch(() => null);
      await scheduled;
    },
    async stop() {
      ++generation;
      const previous = cancelScheduled();
      scheduled = Promise.resolve(null);
      await previous;
    },
  };
}

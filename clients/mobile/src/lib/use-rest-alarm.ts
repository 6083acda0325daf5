import { useState } from 'react';
import { createRestAlarm, type RestAlarm } from '#/lib/rest-alarm';
import { restNotifier } from '#/lib/rest-notifier';

/** The rest alarm of a screen (the phone's notifications; none on the web), made once. */
export function useRestAlarm(): RestAlarm {
  const [alarm] = useState(() => createRestAlarm(restNotifier));
  return alarm;
}

import * as Notifications from 'expo-notifications';
import { Platform } from 'react-native';
import type { NotificationPermission, RestNotifier } from '#/lib/rest-alarm';

const CHANNEL = 'rest-timer';

// The rest timer is on screen while the app is open: its alarm shows only when the app is in the background.
Notifications.setNotificationHandler({
  handleNotification: async () => ({ shouldShowBanner: false, shouldShowList: false, shouldPlaySound: false, shouldSetBadge: false }),
});

let channel: Promise<unknown> | null = null;

function permissionOf(status: Notifications.NotificationPermissionsStatus): NotificationPermission {
  if (status.granted) return 'granted';
  return status.canAskAgain ? 'undetermined' : 'denied';
}

/** The phone's local notifications (expo-notifications) for the rest timer's alarm. */
export const restNotifier: RestNotifier | null = {
  permission: async () => permissionOf(await Notifications.getPermissionsAsync()),
  requestPermission: async () => permissionOf(await Notifications.requestPermissionsAsync()),
  async schedule(at, title, body) {
    if (Platform.OS === 'android') {
      channel ??= Notifications.setNotificationChannelAsync(CHANNEL, { name: 'Rest timer', importance: Notifications.AndroidImportance.HIGH });
      await channel;
    }
    return Notifications.scheduleNotificationAsync({
      content: { title, body, sound: true },
      trigger: { type: Notifications.SchedulableTriggerInputTypes.DATE, date: at, channelId: CHANNEL },
    });
  },
  cancel: (id) => Notifications.cancelScheduledNotificationAsync(id),
};

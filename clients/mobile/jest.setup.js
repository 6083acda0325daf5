/* global jest */
jest.mock('@react-native-async-storage/async-storage', () =>
  require('@react-native-async-storage/async-storage/jest/async-storage-mock'),
);
jest.mock('@react-native-community/netinfo', () =>
  require('@react-native-community/netinfo/jest/netinfo-mock.js'),
);
// Screens run without the phone's notifications (as on the web); the rest alarm's logic has its own tests (src/lib/rest-alarm.test.ts).
jest.mock('#/lib/rest-notifier', () => ({ restNotifier: null }));

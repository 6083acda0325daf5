export { WeekScreen as default } from '#/screens/WeekScreen';

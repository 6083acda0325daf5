export { AthletesScreen as default } from '#/screens/AthletesScreen';

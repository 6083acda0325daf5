/** Unit and component tests (jest-expo, React Native Testing Library). `npm test` runs them once, in CI mode. */
module.exports = {
  preset: 'jest-expo',
  roots: ['<rootDir>/src'],
  setupFiles: ['<rootDir>/jest.setup.js'],
  moduleNameMapper: {
    '^#/(.*)$': '<rootDir>/src/$1',
    // the contract's persisted-operation manifest, bundled from the repository's schema/ folder
    '^#schema/(.*)$': '<rootDir>/../../schema/$1',
  },
  transformIgnorePatterns: [
    'node_modules/(?!((jest-)?react-native|@react-native(-community)?|@react-native-async-storage|expo(nent)?|@expo(nent)?/.*|@expo-google-fonts/.*|react-navigation|@react-navigation/.*|react-native-svg|urql|@urql/.*|wonka|graphql-ws))',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // the first render of a suite loads much of React Native: generous on a busy 2-core machine
  testTimeout: 30000,
};

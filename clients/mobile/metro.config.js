// Metro (Expo's bundler) with the repository's schema/ folder watched: the app bundles
// schema/persisted-operations.json (import '#schema/persisted-operations.json', see tsconfig paths).
const path = require('path');
const { getDefaultConfig } = require('expo/metro-config');

const config = getDefaultConfig(__dirname);
config.watchFolders = [...(config.watchFolders ?? []), path.resolve(__dirname, '../../schema')];

module.exports = config;

import { Platform } from 'react-native';

/**
 * Where the BFF is. On the web the app is normally served by the BFF itself, so the default is the
 * page's own origin; native builds (and a web build served elsewhere) set EXPO_PUBLIC_BFF_URL.
 */
function defaultBffUrl(): string {
  if (Platform.OS === 'web' && typeof window !== 'undefined' && window.location) {
    return window.location.origin;
  }
  return 'http://localhost:5090'; // run.sh's BFF port
}

export const config = {
  bffUrl: (process.env.EXPO_PUBLIC_BFF_URL ?? defaultBffUrl()).replace(/\/+$/, ''),
  graphqlPath: '/graphql',
};

/** ws(s)://host/graphql for the same origin as the BFF. */
export function graphqlWebSocketUrl(bffUrl: string = config.bffUrl): string {
  return bffUrl.replace(/^http/, 'ws') + config.graphqlPath;
}

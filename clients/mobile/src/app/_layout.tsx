import { Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';
import { useMemo } from 'react';
import { SafeAreaProvider } from 'react-native-safe-area-context';
import { Loading, Screen } from '#/components/ui';
import { bffFetch } from '#/lib/network';
import { useTheme } from '#/lib/theme';
import { AccountProviders } from '#/state/account';
import { PreferencesProvider } from '#/state/persisted';
import { SessionProvider, useSession } from '#/state/session';
import { createAuthApi } from '#/state/session/api';
import { OnboardingScreen } from '#/screens/OnboardingScreen';
import { SignInScreen } from '#/screens/SignInScreen';

export default function RootLayout() {
  const api = useMemo(() => createAuthApi(bffFetch()), []);
  return (
    <SafeAreaProvider>
      <PreferencesProvider>
        <SessionProvider api={api}>
          <Root />
        </SessionProvider>
      </PreferencesProvider>
    </SafeAreaProvider>
  );
}

function Root() {
  const t = useTheme();
  const { state } = useSession();
  const bar = <StatusBar style={t.scheme === 'dark' ? 'light' : 'dark'} />;
  if (state.status === 'loading') {
    return (
      <Screen scroll={false} safeTop>
        {bar}
        <Loading label="Checking your session" />
      </Screen>
    );
  }
  if (state.status === 'signedOut') {
    return (
      <>
        {bar}
        <SignInScreen />
      </>
    );
  }
  if (state.onboarding) {
    return (
      <AccountProviders key={state.account.id} account={state.account}>
        {bar}
        <OnboardingScreen />
      </AccountProviders>
    );
  }
  return (
    <AccountProviders key={state.account.id} account={state.account}>
      {bar}
      <Stack
        screenOptions={{
          headerStyle: { backgroundColor: t.surface },
          headerTintColor: t.text,
          contentStyle: { backgroundColor: t.background },
        }}
      >
        <Stack.Screen name="(tabs)" options={{ headerShown: false }} />
        <Stack.Screen name="session/[id]" options={{ title: 'Session' }} />
        <Stack.Screen name="athletes/[athleteId]" options={{ title: 'Live session' }} />
      </Stack>
    </AccountProviders>
  );
}

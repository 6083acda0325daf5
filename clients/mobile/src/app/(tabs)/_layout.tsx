import { Tabs } from 'expo-router/js-tabs';
import { Pressable, Text } from 'react-native';
import { HIT, useTheme } from '#/lib/theme';
import { useRole } from '#/state/queries/me';
import { useSession } from '#/state/session';

export default function TabsLayout() {
  const t = useTheme();
  const { signOut } = useSession();
  const isCoach = useRole() === 'COACH';
  return (
    <Tabs
      screenOptions={{
        headerStyle: { backgroundColor: t.surface },
        headerTintColor: t.text,
        tabBarStyle: { backgroundColor: t.surface, borderTopColor: t.border },
        tabBarActiveTintColor: t.primary,
        tabBarInactiveTintColor: t.textMuted,
        tabBarIcon: () => null,
        tabBarIconStyle: { display: 'none' },
        headerRight: () => (
          <Pressable accessibilityRole="button" accessibilityLabel="Sign out" onPress={() => void signOut()} style={{ minHeight: HIT, minWidth: HIT, justifyContent: 'center', paddingHorizontal: 12 }}>
            <Text style={{ color: t.primary }}>Sign out</Text>
          </Pressable>
        ),
      }}
    >
      {/* A coach has no plan or sets of their own: they land on their athletes. */}
      <Tabs.Screen name="index" options={{ title: 'This week', href: isCoach ? null : undefined }} />
      <Tabs.Screen name="body" options={{ title: 'Body map', href: isCoach ? null : undefined }} />
      <Tabs.Screen name="history" options={{ title: 'History', href: isCoach ? null : undefined }} />
      <Tabs.Screen name="data" options={{ title: 'Your data', href: isCoach ? null : undefined }} />
      <Tabs.Screen name="coach" options={{ title: 'Coach' }} />
      <Tabs.Screen name="athletes" options={{ title: 'Athletes', href: isCoach ? undefined : null }} />
      <Tabs.Screen name="links" options={{ title: 'Links' }} />
      <Tabs.Screen name="settings" options={{ title: 'Settings' }} />
    </Tabs>
  );
}

import { StyleSheet, View } from 'react-native';
import { Body, Button, Screen, Title } from '#/components/ui';
import { SettingsScreen } from '#/screens/SettingsScreen';
import type { ExperienceLevel, TrainingGoal } from '#/state/queries/generated';
import { useProfileQuery, useUpdateProfile } from '#/state/queries/profile';
import { useSession } from '#/state/session';

const GOALS: [TrainingGoal, string][] = [['STRENGTH', 'Get stronger'], ['HYPERTROPHY', 'Build muscle'], ['GENERAL_FITNESS', 'General fitness']];
const LEVELS: [ExperienceLevel, string][] = [['BEGINNER', 'New to lifting'], ['INTERMEDIATE', 'A year or more'], ['ADVANCED', 'Several years']];

/**
 * After sign-up an athlete sets up their training: goal and experience (saved as they are chosen), then the
 * settings (days a week, session length, equipment, units, dumbbell steps, time zone from the device); saving
 * them shows the first weekly plan. A coach has nothing to set up and goes straight to the app.
 */
export function OnboardingScreen() {
  const { state, finishOnboarding } = useSession();
  const [{ data }] = useProfileQuery();
  const [, update] = useUpdateProfile();
  if (state.status === 'signedIn' && state.account.role === 'COACH') {
    return (
      <Screen safeTop>
        <Title>Welcome, coach</Title>
        <Body muted>Invite your athletes from the Links tab; they accept and you follow their training live.</Body>
        <Button label="Go to the app" onPress={finishOnboarding} />
      </Screen>
    );
  }
  const profile = data?.profile;
  return (
    <Screen safeTop>
      <Title>Set up your training</Title>
      <Title level={3}>Your goal</Title>
      <View style={styles.row} accessibilityRole="radiogroup" accessibilityLabel="Goal">
        {GOALS.map(([goal, label]) => (
          <Button key={goal} label={label} variant={profile?.goal === goal ? 'primary' : 'secondary'} onPress={() => void update({ goal })} />
        ))}
      </View>
      <Title level={3}>Your experience</Title>
      <View style={styles.row} accessibilityRole="radiogroup" accessibilityLabel="Experience">
        {LEVELS.map(([experience, label]) => (
          <Button key={experience} label={label} variant={profile?.experience === experience ? 'primary' : 'secondary'} onPress={() => void update({ experience })} />
        ))}
      </View>
      <SettingsScreen onboarding onSaved={finishOnboarding} />
    </Screen>
  );
}

const styles = StyleSheet.create({ row: { flexDirection: 'row', flexWrap: 'wrap', gap: 8 } });

import { useState } from 'react';
import { StyleSheet, TextInput } from 'react-native';
import { Body, Button, ErrorText, Screen, Title } from '#/components/ui';
import { HIT, useTheme } from '#/lib/theme';
import { ROLE_IS_FIXED, SettingsScreen } from '#/screens/SettingsScreen';
import { useCoachLinkActions } from '#/state/queries/coach-links';
import { useSession } from '#/state/session';

/**
 * After sign-up. An athlete sets up their training (goal, experience, days a week, session length, equipment,
 * units, the gym's loading, the time zone from the device); saving it shows the first weekly plan. A coach invites
 * a first athlete by email (or skips it) and lands on their athlete list, where the invitation waits for an answer.
 */
export function OnboardingScreen() {
  const { state, finishOnboarding } = useSession();
  if (state.status === 'signedIn' && state.account.role === 'COACH') {
    return <CoachOnboarding name={state.account.name} onDone={finishOnboarding} />;
  }
  return (
    <Screen safeTop>
      <Title>Set up your training</Title>
      <SettingsScreen onboarding onSaved={finishOnboarding} />
    </Screen>
  );
}

function CoachOnboarding({ name, onDone }: { name: string | null; onDone: () => void }) {
  const t = useTheme();
  const actions = useCoachLinkActions();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const invite = async () => {
    const result = await actions.invite(email.trim());
    const error = result.error?.graphQLErrors[0]?.message ?? result.error?.message ?? null;
    setProblem(error);
    if (!error) onDone();
  };
  return (
    <Screen safeTop>
      <Title>Welcome, coach</Title>
      {name ? <Body>{`Your athletes will see you as ${name}.`}</Body> : null}
      <Body muted>Their plans, days and weeks stay theirs (their time zone and units): you follow their training live once they accept.</Body>
      <Title level={3}>Invite your first athlete</Title>
      <TextInput
        accessibilityLabel="Athlete's email"
        placeholder="athlete@example.org"
        placeholderTextColor={t.textMuted}
        autoCapitalize="none"
        keyboardType="email-address"
        value={email}
        onChangeText={(v) => {
          setEmail(v);
          setProblem(null);
        }}
        style={[styles.input, { color: t.text, borderColor: t.border, backgroundColor: t.surface }]}
      />
      <ErrorText error={problem} />
      <Button label="Invite and go to my athletes" busy={actions.fetching} disabled={!email.trim()} onPress={() => void invite()} />
      <Button label="Skip for now" variant="secondary" onPress={onDone} />
      <Body muted>{ROLE_IS_FIXED}</Body>
    </Screen>
  );
}

const styles = StyleSheet.create({
  input: { minHeight: HIT, borderWidth: 1, borderRadius: 10, paddingHorizontal: 12, fontSize: 16 },
});

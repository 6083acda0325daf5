import { useState } from 'react';
import { StyleSheet, TextInput } from 'react-native';
import { Body, Button, ErrorText, Screen, Title } from '#/components/ui';
import { HIT, useTheme } from '#/lib/theme';
import { useSession } from '#/state/session';

/** Email + password to the BFF (POST /bff/login); the BFF keeps the session in a cookie. */
export function SignInScreen() {
  const t = useTheme();
  const { state, signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    await signIn(email.trim(), password);
    setBusy(false);
  };
  const input = [styles.input, { color: t.text, borderColor: t.border, backgroundColor: t.surface }];
  return (
    <Screen safeTop>
      <Title>WorkoutTracker</Title>
      <Body muted>Sign in to see your plan and log your sets.</Body>
      <TextInput
        accessibilityLabel="Email"
        placeholder="Email"
        placeholderTextColor={t.textMuted}
        autoCapitalize="none"
        autoComplete="email"
        keyboardType="email-address"
        value={email}
        onChangeText={setEmail}
        style={input}
      />
      <TextInput
        accessibilityLabel="Password"
        placeholder="Password"
        placeholderTextColor={t.textMuted}
        secureTextEntry
        autoComplete="password"
        value={password}
        onChangeText={setPassword}
        onSubmitEditing={submit}
        style={input}
      />
      <ErrorText error={state.status === 'signedOut' ? state.error : null} />
      <Button label="Sign in" busy={busy} disabled={!email || !password} onPress={submit} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  input: { minHeight: HIT, borderWidth: 1, borderRadius: 10, paddingHorizontal: 12, fontSize: 16 },
});

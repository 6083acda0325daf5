import { useState } from 'react';
import { StyleSheet, TextInput, View } from 'react-native';
import { Body, Button, ErrorText, Screen, Title } from '#/components/ui';
import { HIT, useTheme } from '#/lib/theme';
import { useSession } from '#/state/session';
import type { FieldErrors } from '#/state/session/api';

type Mode = 'signIn' | 'signUp';

/**
 * Email + password to the BFF (POST /bff/login), or a new account (POST /bff/signup: email, display name,
 * password, athlete or coach) with the server's error under each field. The BFF keeps the session in a cookie.
 */
export function SignInScreen() {
  const t = useTheme();
  const { state, signIn, signUp } = useSession();
  const [mode, setMode] = useState<Mode>('signIn');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<'athlete' | 'coach'>('athlete');
  const [fields, setFields] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    if (mode === 'signIn') {
      await signIn(email.trim(), password);
    } else {
      setFields((await signUp({ email: email.trim(), displayName: displayName.trim(), password, role })) ?? {});
    }
    setBusy(false);
  };
  const input = [styles.input, { color: t.text, borderColor: t.border, backgroundColor: t.surface }];
  const signingUp = mode === 'signUp';
  return (
    <Screen safeTop>
      <Title>WorkoutTracker</Title>
      <Body muted>{signingUp ? 'Create your account: you set up your training next.' : 'Sign in to see your plan and log your sets.'}</Body>
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
      <ErrorText error={fields.email?.message} />
      {signingUp ? (
        <>
          <TextInput
            accessibilityLabel="Display name"
            placeholder="Your name"
            placeholderTextColor={t.textMuted}
            autoComplete="name"
            value={displayName}
            onChangeText={setDisplayName}
            style={input}
          />
          <ErrorText error={fields.displayName?.message} />
        </>
      ) : null}
      <TextInput
        accessibilityLabel="Password"
        placeholder={signingUp ? 'Password (10 characters or more)' : 'Password'}
        placeholderTextColor={t.textMuted}
        secureTextEntry
        autoComplete={signingUp ? 'new-password' : 'password'}
        value={password}
        onChangeText={setPassword}
        onSubmitEditing={submit}
        style={input}
      />
      <ErrorText error={fields.password?.message} />
      {signingUp ? (
        <View style={styles.row} accessibilityRole="radiogroup" accessibilityLabel="I am">
          <Button label="I train (athlete)" variant={role === 'athlete' ? 'primary' : 'secondary'} onPress={() => setRole('athlete')} />
          <Button label="I coach" variant={role === 'coach' ? 'primary' : 'secondary'} onPress={() => setRole('coach')} />
        </View>
      ) : null}
      <ErrorText error={state.status === 'signedOut' && Object.keys(fields).length === 0 ? state.error : null} />
      <Button
        label={signingUp ? 'Create account' : 'Sign in'}
        busy={busy}
        disabled={!email || !password || (signingUp && !displayName.trim())}
        onPress={submit}
      />
      <Button
        label={signingUp ? 'I have an account: sign in' : 'New here? Create an account'}
        variant="secondary"
        onPress={() => {
          setFields({});
          setMode(signingUp ? 'signIn' : 'signUp');
        }}
      />
    </Screen>
  );
}

const styles = StyleSheet.create({
  input: { minHeight: HIT, borderWidth: 1, borderRadius: 10, paddingHorizontal: 12, fontSize: 16 },
  row: { flexDirection: 'row', gap: 8 },
});

import { useState } from 'react';
import { StyleSheet, TextInput, View } from 'react-native';
import { Body, Button, Card, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { HIT, useTheme } from '#/lib/theme';
import { useCoachLinkActions, useCoachLinksQuery, type CoachLink } from '#/state/queries/coach-links';
import { useSession } from '#/state/session';

/**
 * Coach links for either side: invite by email (an athlete their coach, a coach an athlete), see pending requests
 * and accept or decline those sent to you, withdraw yours, and end an active link.
 */
export function CoachLinksScreen() {
  const t = useTheme();
  const { state } = useSession();
  const me = state.status === 'signedIn' ? state.account : null;
  const [{ data, error }] = useCoachLinksQuery();
  const actions = useCoachLinkActions();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const isCoach = me?.role === 'COACH';
  const run = async (action: () => Promise<{ error?: { graphQLErrors: { message: string }[] } }>) => {
    const result = await action();
    setProblem(result.error?.graphQLErrors[0]?.message ?? null);
    return !result.error;
  };
  if (!data) return error ? <ErrorText error={error} /> : <Loading label="Loading your coach links" />;
  const links = data.coachLinks.filter((l) => l.status !== 'ENDED');

  return (
    <Screen>
      <Title>{isCoach ? 'Your athletes' : 'Your coach'}</Title>
      <Body muted>{isCoach ? 'Ask an athlete to let you follow their training.' : 'Invite a coach to follow your training.'}</Body>
      <TextInput
        accessibilityLabel="Email to invite"
        placeholder={isCoach ? "Athlete's email" : "Coach's email"}
        placeholderTextColor={t.textMuted}
        autoCapitalize="none"
        keyboardType="email-address"
        value={email}
        onChangeText={setEmail}
        style={[styles.input, { color: t.text, borderColor: t.border, backgroundColor: t.surface }]}
      />
      <Button
        label="Send invitation"
        busy={actions.fetching}
        disabled={!email.trim()}
        onPress={() => void run(() => actions.invite(email.trim())).then((ok) => ok && setEmail(''))}
      />
      <ErrorText error={problem} />
      {links.length === 0 ? <Body muted>No links yet.</Body> : null}
      {links.map((link) => (
        <LinkCard key={link.id} link={link} myId={me?.id ?? ''} isCoach={isCoach} run={run} />
      ))}
    </Screen>
  );
}

function LinkCard({
  link,
  myId,
  isCoach,
  run,
}: {
  link: CoachLink;
  myId: string;
  isCoach: boolean;
  run: (action: () => Promise<{ error?: { graphQLErrors: { message: string }[] } }>) => Promise<boolean>;
}) {
  const actions = useCoachLinkActions();
  const other = isCoach ? link.athlete : link.coach;
  const name = other?.displayName ?? link.inviteeEmail ?? 'Someone';
  const mine = link.requestedBy === myId;
  return (
    <Card>
      <Title level={3}>{name}</Title>
      <Body muted>{link.status === 'ACTIVE' ? 'Linked' : mine ? 'Invitation sent, waiting for an answer' : 'Wants to link with you'}</Body>
      <View style={styles.row}>
        {link.status === 'PENDING' && !mine ? (
          <Button label={`Accept ${name}`} onPress={() => void run(() => actions.accept(link.id))} />
        ) : null}
        <Button
          label={link.status === 'ACTIVE' ? `End link with ${name}` : mine ? `Withdraw invitation to ${name}` : `Decline ${name}`}
          variant={link.status === 'ACTIVE' ? 'danger' : 'secondary'}
          onPress={() => void run(() => actions.end(link.id))}
        />
      </View>
    </Card>
  );
}

const styles = StyleSheet.create({
  input: { minHeight: HIT, borderWidth: 1, borderRadius: 10, paddingHorizontal: 12, fontSize: 16 },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: 8 },
});

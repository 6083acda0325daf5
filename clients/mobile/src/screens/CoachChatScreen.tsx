import { useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { ProposalDiff } from '#/components/ProposalDiff';
import { Body, Button, Card, Screen, Title } from '#/components/ui';
import { HIT, useTheme } from '#/lib/theme';
import type { ID } from '#/lib/graphql/scalars';
import { useCoachChat, type Citation } from '#/state/queries/coach';

/** Ask the AI coach; answers cite what they are based on (plan, history, body map), and may propose changes to next week. */
export function CoachChatScreen({ athleteId }: { athleteId?: ID }) {
  const t = useTheme();
  const { exchanges, ask, asking } = useCoachChat(athleteId);
  const [question, setQuestion] = useState('');
  const send = () => {
    const q = question.trim();
    if (!q) return;
    setQuestion('');
    void ask(q);
  };
  return (
    <Screen>
      <Title>Coach</Title>
      {exchanges.length === 0 ? <Body muted>Ask about your plan, your progress or what to train next.</Body> : null}
      {exchanges.map((e) => (
        <View key={e.id} style={styles.exchange}>
          <Text style={[styles.question, { color: t.onPrimary, backgroundColor: t.primary }]}>{e.question}</Text>
          <Card>
            {e.reply ? (
              <>
                <Body>{e.reply.answer}</Body>
                <Body muted style={{ fontSize: 12 }}>
                  {e.reply.source === 'OFFLINE' ? 'Answered by the built-in coach from your data' : 'Answered by the AI model from your data'}
                </Body>
                <Sources citations={e.reply.citations} />
                {e.reply.proposal ? <ProposalDiff proposal={e.reply.proposal} canDecide={!athleteId} /> : null}
              </>
            ) : e.error ? (
              <Text style={{ color: t.danger }}>{e.error}</Text>
            ) : (
              <Body muted>Thinking…</Body>
            )}
          </Card>
        </View>
      ))}
      <View style={styles.inputRow}>
        <TextInput
          accessibilityLabel="Question for the coach"
          placeholder="Ask the coach…"
          placeholderTextColor={t.textMuted}
          value={question}
          onChangeText={setQuestion}
          onSubmitEditing={send}
          style={[styles.input, { color: t.text, borderColor: t.border, backgroundColor: t.surface }]}
        />
        <Button label="Ask" busy={asking} onPress={send} />
      </View>
    </Screen>
  );
}

/** The numbers an answer used, folded away behind one button (an answer may cite dozens). */
function Sources({ citations }: { citations: readonly Citation[] }) {
  const t = useTheme();
  const [open, setOpen] = useState(false);
  if (citations.length === 0) return null;
  const label = `${open ? 'Hide' : 'Show'} ${citations.length === 1 ? 'the source' : `${citations.length} sources`}`;
  return (
    <View style={styles.citations}>
      <Pressable accessibilityRole="button" aria-expanded={open} onPress={() => setOpen(!open)} style={styles.toggle}>
        <Text style={{ color: t.primary }}>{label}</Text>
      </Pressable>
      {open
        ? citations.map((c, i) => (
            <Text key={`${c.ref}-${i}`} style={[styles.citation, { color: t.textMuted, borderColor: t.border }]}>
              [{i + 1}] {c.kind.replace(/_/g, ' ').toLowerCase()} {c.ref} = {c.value}
            </Text>
          ))
        : null}
    </View>
  );
}

const styles = StyleSheet.create({
  toggle: { minHeight: HIT, justifyContent: 'center', alignSelf: 'flex-start' },
  exchange: { gap: 6 },
  question: { alignSelf: 'flex-end', padding: 10, borderRadius: 12, overflow: 'hidden', maxWidth: '85%' },
  citations: { gap: 4 },
  citation: { fontSize: 12, borderLeftWidth: 2, paddingLeft: 6 },
  inputRow: { flexDirection: 'row', gap: 8, alignItems: 'center' },
  input: { flex: 1, minHeight: HIT, borderWidth: 1, borderRadius: 10, paddingHorizontal: 12 },
});

import { useState } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { Body, Button, ErrorText, Title } from '#/components/ui';
import { HIT, useTheme } from '#/lib/theme';
import { describeTargets, useDecideProposal, type PlanProposal } from '#/state/queries/proposals';

const STATUS: Record<PlanProposal['status'], string> = {
  OPEN: 'Waiting for your decision',
  ACCEPTED: 'Accepted',
  PARTLY_ACCEPTED: 'Partly accepted',
  REJECTED: 'Rejected',
};

/** What one line changes, in words: "Day 1 · Barbell Bench Press: 3×5 @ 60 kg → 4×6 @ 52.5 kg". */
export function itemLabel(item: PlanProposal['items'][number]): string {
  const name = item.exercise.name;
  switch (item.kind) {
    case 'SWAP':
      return `Day ${item.dayNumber} · ${name} → ${item.withExercise?.name ?? '?'}`;
    case 'SKIP':
      return `Day ${item.dayNumber} · skip ${name}`;
    case 'ADD':
      return `Day ${item.dayNumber} · add ${name}: ${describeTargets(item.after)}`;
    default:
      return `Day ${item.dayNumber} · ${name}: ${describeTargets(item.before)} → ${describeTargets(item.after)}`;
  }
}

/**
 * A proposal as a diff of the week, one line per change (before → after, and why). While it is open the
 * athlete ticks the lines to apply (all ticked at first) and accepts them or rejects the whole proposal;
 * a coach (canDecide false) and a decided proposal only show it.
 */
export function ProposalDiff({ proposal: initial, canDecide = true }: { proposal: PlanProposal; canDecide?: boolean }) {
  const t = useTheme();
  const [proposal, setProposal] = useState(initial);
  const [picked, setPicked] = useState<Set<number>>(() => new Set(initial.items.map((i) => i.index)));
  const { decide, deciding, error } = useDecideProposal();
  const open = proposal.status === 'OPEN' && !proposal.stale;
  const accepted = new Set(proposal.acceptedItems ?? []);
  const submit = async (items: number[]) => {
    const decided = await decide(proposal.id, items);
    if (decided) setProposal(decided);
  };
  return (
    <View style={styles.box} accessibilityLabel={`Proposal for the week of ${proposal.weekStart}`}>
      <Title level={3}>Proposed changes for the week of {proposal.weekStart}</Title>
      <Body muted>{proposal.summary}</Body>
      {proposal.items.map((item) => {
        const on = open ? picked.has(item.index) : accepted.has(item.index);
        const label = itemLabel(item);
        return (
          <Pressable
            key={item.index}
            accessibilityRole="checkbox"
            accessibilityLabel={label}
            aria-checked={on}
            disabled={!open || !canDecide}
            onPress={() =>
              setPicked((s) => {
                const next = new Set(s);
                if (next.has(item.index)) next.delete(item.index);
                else next.add(item.index);
                return next;
              })
            }
            style={[styles.line, { borderColor: on ? t.primary : t.border }]}
          >
            <Text style={{ color: t.text, fontWeight: '600' }}>
              {open && canDecide ? (on ? '☑ ' : '☐ ') : ''}
              {label}
            </Text>
            <Text style={{ color: t.textMuted, fontSize: 12 }}>{item.why}</Text>
          </Pressable>
        );
      })}
      {open && canDecide ? (
        <View style={styles.actions}>
          <Button
            label={`Accept ${picked.size === proposal.items.length ? 'all' : `${picked.size} of ${proposal.items.length}`}`}
            disabled={picked.size === 0}
            busy={deciding}
            onPress={() => void submit([...picked].sort((a, b) => a - b))}
          />
          <Button label="Reject" variant="secondary" disabled={deciding} onPress={() => void submit([])} />
        </View>
      ) : (
        <Body muted>
          {proposal.stale && proposal.status === 'OPEN' ? 'Expired: the plan changed since it was proposed' : STATUS[proposal.status]}
          {proposal.status === 'ACCEPTED' || proposal.status === 'PARTLY_ACCEPTED' ? ` (${accepted.size} of ${proposal.items.length} changes applied to your plan)` : ''}
        </Body>
      )}
      <ErrorText error={error} />
    </View>
  );
}

const styles = StyleSheet.create({
  box: { gap: 6 },
  line: { minHeight: HIT, borderWidth: 1, borderRadius: 8, padding: 8, gap: 2 },
  actions: { flexDirection: 'row', gap: 8 },
});

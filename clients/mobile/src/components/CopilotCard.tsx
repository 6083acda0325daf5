import { Pressable, StyleSheet, Text, View } from 'react-native';
import { Body, Button, Card } from '#/components/ui';
import { HIT, useTheme } from '#/lib/theme';
import { formatLoad } from '#/lib/units';
import type { CopilotSuggestion } from '#/state/queries/copilot';
import type { Equipment } from '#/state/queries/generated';
import type { Units } from '#/state/queries/profile';

/** "SQUAT_RACK" → "squat rack". */
export const equipmentLabel = (equipment: Equipment) => equipment.toLowerCase().replace(/_/g, ' ');

/**
 * The equipment the athlete can say is taken: what the suggested exercise needs (bodyweight is never
 * taken) and whatever is already marked, so it can be given back.
 */
export function takeableEquipment(suggestion: CopilotSuggestion | null | undefined, taken: readonly Equipment[]): Equipment[] {
  const needed = suggestion?.nextSet?.exercise.equipment ?? [];
  return [...new Set([...taken, ...needed])].filter((e) => e !== 'BODYWEIGHT');
}

/**
 * The Copilot's suggestion for the next set (or a swap), with its reasoning, and a toggle per piece
 * of equipment the athlete can mark as taken right now.
 */
export function CopilotCard({ suggestion, units, taken = [], onToggleTaken, onUse }: {
  suggestion: CopilotSuggestion | null | undefined;
  units: Units;
  taken?: readonly Equipment[];
  onToggleTaken?: (equipment: Equipment) => void;
  onUse?: () => void;
}) {
  const t = useTheme();
  if (!suggestion) return null;
  const next = suggestion.nextSet;
  const takeable = onToggleTaken ? takeableEquipment(suggestion, taken) : [];
  return (
    <Card style={{ borderColor: t.primary }}>
      <Text accessibilityRole="header" style={{ color: t.primary, fontWeight: '700' }}>
        Copilot
      </Text>
      {next ? (
        <Body>
          Next: {next.exercise.name} {formatLoad(next.loadKg, units)} × {next.reps}
          {next.rpe ? ` @${next.rpe}` : ''}
          {suggestion.restSeconds > 0 ? ` after ${suggestion.restSeconds}s rest` : ''}
        </Body>
      ) : (
        <Body>Every planned set is done.</Body>
      )}
      {suggestion.swap ? <Body>Swap: {suggestion.swap.name} (the equipment is taken)</Body> : null}
      <Body muted>{suggestion.rationale}</Body>
      {takeable.length > 0 ? (
        <View style={styles.row}>
          <Body muted>Taken right now?</Body>
          {takeable.map((equipment) => {
            const isTaken = taken.includes(equipment);
            return (
              <Pressable
                key={equipment}
                accessibilityRole="checkbox"
                aria-checked={isTaken}
                accessibilityLabel={`${equipmentLabel(equipment)} taken`}
                onPress={() => onToggleTaken?.(equipment)}
                style={[styles.chip, { borderColor: t.border, backgroundColor: isTaken ? t.primary : t.surfaceAlt }]}
              >
                <Text style={{ color: isTaken ? t.onPrimary : t.text }}>
                  {isTaken ? '✓ ' : ''}
                  {equipmentLabel(equipment)}
                </Text>
              </Pressable>
            );
          })}
        </View>
      ) : null}
      {next && onUse ? <Button label="Use suggestion" variant="secondary" onPress={onUse} /> : null}
    </Card>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', gap: 8 },
  chip: { minHeight: HIT, paddingHorizontal: 14, borderRadius: HIT / 2, borderWidth: 1, justifyContent: 'center' },
});

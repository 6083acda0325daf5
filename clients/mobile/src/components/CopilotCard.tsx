import { Text } from 'react-native';
import { Body, Button, Card } from '#/components/ui';
import { useTheme } from '#/lib/theme';
import { formatLoad } from '#/lib/units';
import type { CopilotSuggestion } from '#/state/queries/copilot';
import type { Units } from '#/state/queries/profile';

/** The Copilot's suggestion for the next set (or a swap), with its reasoning. */
export function CopilotCard({ suggestion, units, onUse }: {
  suggestion: CopilotSuggestion | null | undefined;
  units: Units;
  onUse?: () => void;
}) {
  const t = useTheme();
  if (!suggestion) return null;
  const next = suggestion.nextSet;
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
      {next && onUse ? <Button label="Use suggestion" variant="secondary" onPress={onUse} /> : null}
    </Card>
  );
}

import { Text } from 'react-native';
import { Body, Button, Card } from '#/components/ui';
import { useTheme } from '#/lib/theme';
import { formatLoad } from '#/lib/units';
import type { CopilotSuggestion } from '#/state/queries/copilot';
import type { Units } from '#/state/queries/profile';

/**
 * The Copilot's suggestion for the next set (or a swap), with its reasoning. `pending`: the server
 * does not offer the Copilot yet, which the card says instead of showing anything made up.
 */
export function CopilotCard({ suggestion, units, exerciseName, onUse, pending }: {
  suggestion: CopilotSuggestion | null | undefined;
  units: Units;
  exerciseName?: string;
  onUse?: () => void;
  pending?: boolean;
}) {
  const t = useTheme();
  if (pending) {
    return (
      <Card>
        <Text accessibilityRole="header" style={{ color: t.textMuted, fontWeight: '700' }}>
          Copilot (pending)
        </Text>
        <Body muted>Next-set suggestions are not available yet: the server does not offer the Copilot in this version.</Body>
      </Card>
    );
  }
  if (!suggestion) return null;
  const next = suggestion.nextSet;
  return (
    <Card style={{ borderColor: t.primary }}>
      <Text accessibilityRole="header" style={{ color: t.primary, fontWeight: '700' }}>
        Copilot
      </Text>
      {next ? (
        <Body>
          Next: {exerciseName ?? next.exerciseId} {formatLoad(next.loadKg, units)} × {next.reps}
          {next.rpe ? ` @${next.rpe}` : ''}
          {suggestion.restSeconds ? ` after ${suggestion.restSeconds}s rest` : ''}
        </Body>
      ) : null}
      {suggestion.swap ? <Body>Swap: {suggestion.swap.name}</Body> : null}
      <Body muted>{suggestion.rationale}</Body>
      {next && onUse ? <Button label="Use suggestion" variant="secondary" onPress={onUse} /> : null}
    </Card>
  );
}

import { useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { Button } from '#/components/ui';
import { HIT, useTheme } from '#/lib/theme';
import type { ExerciseLoading, MovementPattern, MuscleGroup } from '#/state/queries/generated';

export interface NewExercise {
  name: string;
  pattern: MovementPattern;
  loading: ExerciseLoading;
  primaryMuscles: MuscleGroup[];
}

const MUSCLES: readonly { muscle: MuscleGroup; label: string; pattern: MovementPattern }[] = [
  { muscle: 'CHEST', label: 'Chest', pattern: 'HORIZONTAL_PUSH' },
  { muscle: 'UPPER_BACK', label: 'Upper back', pattern: 'HORIZONTAL_PULL' },
  { muscle: 'LATS', label: 'Lats', pattern: 'VERTICAL_PULL' },
  { muscle: 'FRONT_DELTS', label: 'Shoulders', pattern: 'VERTICAL_PUSH' },
  { muscle: 'QUADS', label: 'Quads', pattern: 'SQUAT' },
  { muscle: 'HAMSTRINGS', label: 'Hamstrings', pattern: 'HINGE' },
  { muscle: 'GLUTES', label: 'Glutes', pattern: 'HIP_ISOLATION' },
  { muscle: 'BICEPS', label: 'Biceps', pattern: 'ELBOW_FLEXION' },
  { muscle: 'TRICEPS', label: 'Triceps', pattern: 'ELBOW_EXTENSION' },
  { muscle: 'ABS', label: 'Abs', pattern: 'CORE' },
];

const LOADINGS: readonly { loading: ExerciseLoading; label: string }[] = [
  { loading: 'BARBELL', label: 'Barbell' },
  { loading: 'DUMBBELL', label: 'Dumbbell' },
  { loading: 'STACK', label: 'Machine' },
  { loading: 'BODYWEIGHT', label: 'Bodyweight' },
];

/** A custom exercise in three choices: its name, the muscle it trains most (which sets its movement pattern), how it is loaded. */
export function NewExerciseForm({
  initialName = '',
  submitLabel,
  busy,
  onCreate,
  onCancel,
}: {
  initialName?: string;
  submitLabel: string;
  busy?: boolean;
  onCreate: (exercise: NewExercise) => void;
  onCancel: () => void;
}) {
  const t = useTheme();
  const [name, setName] = useState(initialName);
  const [muscle, setMuscle] = useState(MUSCLES[0]!);
  const [loading, setLoading] = useState<ExerciseLoading>('BARBELL');
  return (
    <>
      <TextInput
        accessibilityLabel="New exercise name"
        placeholder="Name"
        placeholderTextColor={t.textMuted}
        value={name}
        maxLength={100}
        onChangeText={setName}
        style={[styles.input, { color: t.text, borderColor: t.border }]}
      />
      <View style={styles.row} accessibilityRole="radiogroup" accessibilityLabel="Main muscle">
        {MUSCLES.map((m) => (
          <Choice key={m.muscle} label={m.label} selected={m === muscle} onPress={() => setMuscle(m)} />
        ))}
      </View>
      <View style={styles.row} accessibilityRole="radiogroup" accessibilityLabel="Loaded with">
        {LOADINGS.map((l) => (
          <Choice key={l.loading} label={l.label} selected={l.loading === loading} onPress={() => setLoading(l.loading)} />
        ))}
      </View>
      <View style={styles.row}>
        <Button
          label={submitLabel}
          disabled={name.trim().length < 2}
          busy={busy}
          onPress={() => onCreate({ name: name.trim(), pattern: muscle.pattern, loading, primaryMuscles: [muscle.muscle] })}
        />
        <Button label="Cancel" variant="secondary" onPress={onCancel} />
      </View>
    </>
  );
}

function Choice({ label, selected, onPress }: { label: string; selected: boolean; onPress: () => void }) {
  const t = useTheme();
  return (
    <Pressable accessibilityRole="radio" aria-checked={selected} onPress={onPress} style={[styles.chip, { backgroundColor: selected ? t.primary : t.surfaceAlt }]}>
      <Text style={{ color: selected ? t.onPrimary : t.text }}>{label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', gap: 8, alignItems: 'center', flexWrap: 'wrap' },
  chip: { minHeight: HIT, paddingHorizontal: 14, borderRadius: 22, justifyContent: 'center' },
  input: { minHeight: HIT, borderWidth: StyleSheet.hairlineWidth, borderRadius: 8, paddingHorizontal: 10 },
});

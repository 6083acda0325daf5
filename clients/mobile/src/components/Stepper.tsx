import { Pressable, StyleSheet, Text, View } from 'react-native';
import { HIT, useTheme } from '#/lib/theme';

/** − value + with 44 pt buttons; also an adjustable control for screen readers. */
export function Stepper({
  label,
  value,
  step,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
  format = (v: number) => String(v),
  of,
  onChange,
}: {
  label: string;
  value: number;
  step: number;
  min?: number;
  max?: number;
  format?: (v: number) => string;
  /** What the value belongs to ("Back Squat"), when several steppers share a label on one screen. */
  of?: string;
  onChange: (v: number) => void;
}) {
  const t = useTheme();
  const set = (v: number) => onChange(Math.min(max, Math.max(min, Math.round(v * 1000) / 1000)));
  const shown = format(value);
  const named = of ? `${label.toLowerCase()} of ${of}` : label.toLowerCase();
  return (
    <View
      style={styles.row}
      accessible
      accessibilityRole="adjustable"
      accessibilityLabel={of ? `${label} of ${of}` : label}
      accessibilityValue={{ text: shown }}
      accessibilityActions={[{ name: 'increment' }, { name: 'decrement' }]}
      onAccessibilityAction={(e) => set(value + (e.nativeEvent.actionName === 'increment' ? step : -step))}
    >
      <Text style={[styles.label, { color: t.textMuted }]}>{label}</Text>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel={`Decrease ${named}`}
        onPress={() => set(value - step)}
        style={[styles.btn, { backgroundColor: t.surfaceAlt }]}
      >
        <Text style={[styles.sign, { color: t.text }]}>−</Text>
      </Pressable>
      <Text style={[styles.value, { color: t.text }]}>{shown}</Text>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel={`Increase ${named}`}
        onPress={() => set(value + step)}
        style={[styles.btn, { backgroundColor: t.surfaceAlt }]}
      >
        <Text style={[styles.sign, { color: t.text }]}>+</Text>
      </Pressable>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: 8 },
  label: { width: 48, fontSize: 13 },
  btn: { width: HIT, height: HIT, borderRadius: 22, alignItems: 'center', justifyContent: 'center' },
  sign: { fontSize: 22, fontWeight: '600' },
  value: { minWidth: 72, textAlign: 'center', fontSize: 18, fontWeight: '600', fontVariant: ['tabular-nums'] },
});

import { useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { Button } from '#/components/ui';
import { useTheme } from '#/lib/theme';

/** Counts down the rest after a set; "Skip" ends it early. */
export function RestTimer({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  const t = useTheme();
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        onDone();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, onDone]);
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, '0');
  return (
    <View style={[styles.box, { backgroundColor: t.surfaceAlt }]} accessibilityLiveRegion="polite" accessibilityLabel={`Rest ${mm} minutes ${ss} seconds left`}>
      <Text style={{ color: t.textMuted }}>Rest</Text>
      <Text style={[styles.time, { color: t.text }]}>
        {mm}:{ss}
      </Text>
      <Button label="Skip" variant="secondary" accessibilityLabel="Skip rest" onPress={onDone} />
    </View>
  );
}

const styles = StyleSheet.create({
  box: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', borderRadius: 12, padding: 12, gap: 12 },
  time: { fontSize: 28, fontWeight: '700', fontVariant: ['tabular-nums'] },
});

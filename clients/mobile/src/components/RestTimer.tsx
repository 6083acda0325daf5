import { useEffect, useState } from 'react';
import { AppState, StyleSheet, Text, View } from 'react-native';
import { Button } from '#/components/ui';
import { useTheme } from '#/lib/theme';

const secondsLeft = (endsAt: number) => Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));

/**
 * Counts down the rest after a set to `endsAt` (epoch ms); "Skip" ends it early (`onDone` says which). It keeps time by the clock,
 * so after the app or the browser tab was in the background (where timers are slowed or stopped) it shows
 * how the rest stands, or ends it, the moment it is back.
 */
export function RestTimer({ endsAt, onDone }: { endsAt: number; onDone: (how: 'ended' | 'skipped') => void }) {
  const t = useTheme();
  const [left, setLeft] = useState(() => secondsLeft(endsAt));
  useEffect(() => {
    let done = false;
    const tick = () => {
      const remaining = secondsLeft(endsAt);
      setLeft(remaining);
      if (remaining === 0 && !done) {
        done = true;
        onDone('ended');
      }
    };
    tick();
    const timer = setInterval(tick, 250);
    // Back in the foreground (on the web: the tab is visible again): catch up at once.
    const appState = AppState.addEventListener('change', (state) => {
      if (state === 'active') tick();
    });
    return () => {
      clearInterval(timer);
      appState.remove();
    };
  }, [endsAt, onDone]);
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, '0');
  return (
    <View style={[styles.box, { backgroundColor: t.surfaceAlt }]} accessibilityLiveRegion="polite" accessibilityLabel={`Rest ${mm} minutes ${ss} seconds left`}>
      <Text style={{ color: t.textMuted }}>Rest</Text>
      <Text style={[styles.time, { color: t.text }]}>
        {mm}:{ss}
      </Text>
      <Button label="Skip" variant="secondary" accessibilityLabel="Skip rest" onPress={() => onDone('skipped')} />
    </View>
  );
}

const styles = StyleSheet.create({
  box: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', borderRadius: 12, padding: 12, gap: 12 },
  time: { fontSize: 28, fontWeight: '700', fontVariant: ['tabular-nums'] },
});

import { Pressable, StyleSheet, Text, View } from 'react-native';
import { pendingSummary, useQueueNotices, useQueueState } from '#/offline/OfflineQueueProvider';
import { HIT, useTheme } from '#/lib/theme';

/** "3 sets waiting to sync", and why a change was dropped (until dismissed). */
export function SyncBanner() {
  const t = useTheme();
  const state = useQueueState();
  const { notices, dismissNotice } = useQueueNotices();
  const summary = pendingSummary(state);
  if (!summary && notices.length === 0) return null;
  return (
    <View style={styles.wrap}>
      {summary ? (
        <Text accessibilityLiveRegion="polite" style={[styles.summary, { color: t.pending }]}>
          {summary}
        </Text>
      ) : null}
      {notices.map((n) => (
        <View key={n.id} accessibilityRole="alert" style={[styles.notice, { borderColor: t.danger, backgroundColor: t.surface }]}>
          <Text style={{ color: t.danger, flex: 1 }}>{n.message}</Text>
          <Pressable accessibilityRole="button" accessibilityLabel="Dismiss" onPress={() => dismissNotice(n.id)} style={styles.dismiss}>
            <Text style={{ color: t.text, fontSize: 18 }}>✕</Text>
          </Pressable>
        </View>
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { gap: 8 },
  summary: { fontWeight: '600' },
  notice: { flexDirection: 'row', alignItems: 'center', borderWidth: 1, borderRadius: 10, paddingLeft: 12 },
  dismiss: { width: HIT, height: HIT, alignItems: 'center', justifyContent: 'center' },
});

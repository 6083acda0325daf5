import type { ReactNode } from 'react';
import { ActivityIndicator, Pressable, ScrollView, StyleSheet, Text, View, type StyleProp, type TextStyle, type ViewStyle } from 'react-native';
import { useSafeAreaInsets } from 'react-native-safe-area-context';
import { HIT, useTheme } from '#/lib/theme';

/** A screen's scrolling body. `safeTop` for screens without a navigation header (sign-in). */
export function Screen({ children, scroll = true, safeTop = false }: { children: ReactNode; scroll?: boolean; safeTop?: boolean }) {
  const t = useTheme();
  const insets = useSafeAreaInsets();
  const style = { flex: 1, backgroundColor: t.background, paddingTop: safeTop ? insets.top : 0 } as const;
  if (!scroll) return <View style={[style, styles.pad]}>{children}</View>;
  return (
    <ScrollView style={style} contentContainerStyle={styles.pad} keyboardShouldPersistTaps="handled">
      {children}
    </ScrollView>
  );
}

export function Card({ children, style }: { children: ReactNode; style?: StyleProp<ViewStyle> }) {
  const t = useTheme();
  return <View style={[styles.card, { backgroundColor: t.surface, borderColor: t.border }, style]}>{children}</View>;
}

export function Title({ children, level = 1 }: { children: ReactNode; level?: 1 | 2 | 3 }) {
  const t = useTheme();
  const size = level === 1 ? 24 : level === 2 ? 18 : 15;
  return (
    <Text accessibilityRole="header" style={{ color: t.text, fontSize: size, fontWeight: '700', marginBottom: 8 }}>
      {children}
    </Text>
  );
}

export function Body({ children, muted, style }: { children: ReactNode; muted?: boolean; style?: StyleProp<TextStyle> }) {
  const t = useTheme();
  return <Text style={[{ color: muted ? t.textMuted : t.text, fontSize: 15 }, style]}>{children}</Text>;
}

export function Button({
  label,
  onPress,
  accessibilityLabel,
  variant = 'primary',
  disabled,
  busy,
}: {
  label: string;
  onPress: () => void;
  accessibilityLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
  busy?: boolean;
}) {
  const t = useTheme();
  const bg = variant === 'primary' ? t.primary : variant === 'danger' ? t.danger : t.surfaceAlt;
  const fg = variant === 'secondary' ? t.text : t.onPrimary;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={accessibilityLabel ?? label}
      aria-disabled={!!disabled}
      aria-busy={!!busy}
      disabled={disabled || busy}
      onPress={onPress}
      style={({ pressed }) => [styles.button, { backgroundColor: bg, opacity: disabled ? 0.5 : pressed ? 0.8 : 1 }]}
    >
      {busy ? <ActivityIndicator color={fg} /> : <Text style={{ color: fg, fontWeight: '600', fontSize: 16 }}>{label}</Text>}
    </Pressable>
  );
}

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <View style={styles.center} accessibilityLabel={label}>
      <ActivityIndicator />
    </View>
  );
}

export function ErrorText({ error }: { error: { message: string } | string | null | undefined }) {
  const t = useTheme();
  if (!error) return null;
  const message = typeof error === 'string' ? error : error.message.replace(/^\[\w+\] /, '');
  return (
    <Text accessibilityRole="alert" style={{ color: t.danger, marginVertical: 8 }}>
      {message}
    </Text>
  );
}

const styles = StyleSheet.create({
  pad: { padding: 16, gap: 12 },
  card: { borderWidth: StyleSheet.hairlineWidth, borderRadius: 12, padding: 12, gap: 8 },
  button: { minHeight: HIT, minWidth: HIT, paddingHorizontal: 16, borderRadius: 10, alignItems: 'center', justifyContent: 'center' },
  center: { padding: 24, alignItems: 'center' },
});

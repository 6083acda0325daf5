import { useEffect, useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { Body, Button, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { Stepper } from '#/components/Stepper';
import { HIT, useTheme } from '#/lib/theme';
import type { Equipment, UpdateProfileInput } from '#/state/queries/generated';
import { useProfileQuery, useUpdateProfile, type TrainingProfile } from '#/state/queries/profile';

const ALL_EQUIPMENT: Equipment[] = [
  'BARBELL', 'SQUAT_RACK', 'BENCH', 'DUMBBELL', 'KETTLEBELL', 'CABLE', 'MACHINE', 'PULL_UP_BAR', 'DIP_STATION', 'EZ_BAR', 'TRAP_BAR', 'RESISTANCE_BAND',
];

/** The device's IANA time zone (Europe/Berlin), or null when the platform does not say. */
export function deviceTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}

type Draft = Pick<TrainingProfile, 'daysPerWeek' | 'sessionMinutes' | 'units' | 'equipment' | 'timeZone'> & { dumbbellStep: string };

function draftOf(profile: TrainingProfile): Draft {
  return {
    daysPerWeek: profile.daysPerWeek,
    sessionMinutes: profile.sessionMinutes,
    units: profile.units,
    equipment: profile.equipment,
    timeZone: profile.timeZone,
    dumbbellStep: String(profile.loading.dumbbellStep),
  };
}

/**
 * Every training setting, editable after onboarding: days a week, session length, equipment, units, the gym's
 * dumbbell steps and the time zone that decides the athlete's weeks. Saving is one updateProfile (the server
 * regenerates the plan); a refused field shows the server's message under it.
 */
export function SettingsScreen({ onboarding = false, onSaved }: { onboarding?: boolean; onSaved?: () => void } = {}) {
  const t = useTheme();
  const [{ data }] = useProfileQuery();
  const [state, update] = useUpdateProfile();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!data || draft) return;
    const initial = draftOf(data.profile);
    // A new account takes the device's time zone (still editable).
    const device = onboarding && initial.timeZone === 'UTC' ? deviceTimeZone() : null;
    setDraft(device ? { ...initial, timeZone: device } : initial);
  }, [data, draft, onboarding]);
  if (!draft) return <Loading label="Loading your settings" />;

  const change = (next: Partial<Draft>) => {
    setSaved(false);
    setDraft((current) => (current ? { ...current, ...next } : current));
  };
  const save = async () => {
    const changes: Omit<UpdateProfileInput, 'clientMutationId'> = {
      daysPerWeek: draft.daysPerWeek,
      sessionMinutes: draft.sessionMinutes,
      units: draft.units,
      equipment: draft.equipment,
      timeZone: draft.timeZone.trim(),
      loading: { dumbbellStep: Number(draft.dumbbellStep) },
    };
    if (data?.profile.units !== draft.units) delete changes.loading; // a new unit starts from its own defaults
    const result = await update(changes);
    const error = result.error?.graphQLErrors[0];
    const field = error?.extensions?.field;
    setFieldError(error ? { field: typeof field === 'string' ? field : '', message: error.message } : null);
    setSaved(!result.error);
    if (!result.error) onSaved?.();
  };
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.message : null);
  const input = [styles.input, { color: t.text, borderColor: t.border, backgroundColor: t.surface }];
  const toggle = (item: Equipment) =>
    change({ equipment: draft.equipment.includes(item) ? draft.equipment.filter((e) => e !== item) : [...draft.equipment, item] });
  const device = deviceTimeZone();

  // Inside onboarding the settings are a part of that screen, not a scrolling screen of their own.
  const body = (
    <>
      {onboarding ? null : <Title>Settings</Title>}
      <Stepper label="Days a week" value={draft.daysPerWeek} step={1} min={2} max={6} onChange={(v) => change({ daysPerWeek: v })} />
      <ErrorText error={errorFor('daysPerWeek')} />
      <Stepper label="Session minutes" value={draft.sessionMinutes} step={5} min={20} max={180} onChange={(v) => change({ sessionMinutes: v })} />
      <Title level={3}>Equipment</Title>
      <View style={styles.wrap}>
        {ALL_EQUIPMENT.map((item) => {
          const on = draft.equipment.includes(item);
          return (
            <Pressable
              key={item}
              accessibilityRole="checkbox"
              aria-checked={on}
              accessibilityLabel={label(item)}
              onPress={() => toggle(item)}
              style={[styles.chip, { backgroundColor: on ? t.primary : t.surfaceAlt }]}
            >
              <Text style={{ color: on ? t.onPrimary : t.text }}>{label(item)}</Text>
            </Pressable>
          );
        })}
      </View>
      <Body muted>Bodyweight exercises are always in.</Body>
      <View style={styles.wrap} accessibilityRole="radiogroup" accessibilityLabel="Units">
        {(['KG', 'LB'] as const).map((u) => (
          <Pressable
            key={u}
            accessibilityRole="radio"
            aria-checked={draft.units === u}
            accessibilityLabel={u === 'KG' ? 'Kilograms' : 'Pounds'}
            onPress={() => change({ units: u, dumbbellStep: u === 'KG' ? '2' : '5' })}
            style={[styles.chip, { backgroundColor: draft.units === u ? t.primary : t.surfaceAlt }]}
          >
            <Text style={{ color: draft.units === u ? t.onPrimary : t.text }}>{u === 'KG' ? 'kg' : 'lb'}</Text>
          </Pressable>
        ))}
      </View>
      <Text style={{ color: t.text }}>Dumbbell steps ({draft.units === 'KG' ? 'kg' : 'lb'})</Text>
      <TextInput accessibilityLabel="Dumbbell steps" keyboardType="decimal-pad" value={draft.dumbbellStep} onChangeText={(v) => change({ dumbbellStep: v })} style={input} />
      <ErrorText error={errorFor('loading.dumbbellStep')} />
      <Text style={{ color: t.text }}>Time zone (your days and weeks)</Text>
      <TextInput accessibilityLabel="Time zone" autoCapitalize="none" value={draft.timeZone} onChangeText={(v) => change({ timeZone: v })} style={input} />
      {device && device !== draft.timeZone ? (
        <Button label={`Use this device's (${device})`} variant="secondary" onPress={() => change({ timeZone: device })} />
      ) : null}
      <ErrorText error={errorFor('timeZone')} />
      <ErrorText error={fieldError && !['daysPerWeek', 'timeZone', 'loading.dumbbellStep'].includes(fieldError.field) ? fieldError.message : null} />
      <Button label={onboarding ? 'Show my plan' : 'Save'} busy={state.fetching} onPress={() => void save()} />
      {saved ? <Body muted>Saved: your plan is rebuilt from these settings.</Body> : null}
    </>
  );
  return onboarding ? <View style={styles.part}>{body}</View> : <Screen>{body}</Screen>;
}

function label(item: Equipment): string {
  return item.charAt(0) + item.slice(1).toLowerCase().replaceAll('_', ' ');
}

const styles = StyleSheet.create({
  input: { minHeight: HIT, borderWidth: 1, borderRadius: 10, paddingHorizontal: 12, fontSize: 16 },
  wrap: { flexDirection: 'row', flexWrap: 'wrap', gap: 8 },
  part: { gap: 12 },
  chip: { minHeight: HIT, paddingHorizontal: 14, borderRadius: 22, alignItems: 'center', justifyContent: 'center' },
});

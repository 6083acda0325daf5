import { useEffect, useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { Body, Button, ErrorText, Loading, Screen, Title } from '#/components/ui';
import { Stepper } from '#/components/Stepper';
import { HIT, useTheme } from '#/lib/theme';
import { changesOf, draftOf, fieldErrorOf, LOADING_FIELDS, type FieldError, type SettingsDraft } from '#/screens/settings-draft';
import type { Equipment, ExperienceLevel, TrainingGoal } from '#/state/queries/generated';
import { useRole } from '#/state/queries/me';
import { useProfileQuery, useUpdateProfile } from '#/state/queries/profile';
import { useSession } from '#/state/session';

const ALL_EQUIPMENT: Equipment[] = [
  'BARBELL', 'SQUAT_RACK', 'BENCH', 'DUMBBELL', 'KETTLEBELL', 'CABLE', 'MACHINE', 'PULL_UP_BAR', 'DIP_STATION', 'EZ_BAR', 'TRAP_BAR', 'RESISTANCE_BAND',
];
const GOALS: [TrainingGoal, string][] = [['STRENGTH', 'Get stronger'], ['HYPERTROPHY', 'Build muscle'], ['GENERAL_FITNESS', 'General fitness']];
const LEVELS: [ExperienceLevel, string][] = [['BEGINNER', 'New to lifting'], ['INTERMEDIATE', 'A year or more'], ['ADVANCED', 'Several years']];

/** Why the role is not a setting: shown to athletes and coaches alike. */
export const ROLE_IS_FIXED =
  'Your role was chosen when you signed up and cannot change: an athlete’s account holds their plan and training, a coach’s holds the athletes they follow, and coach links join one of each. To both train and coach, use a second account (a coach can follow their own athlete account).';

/** The device's IANA time zone (Europe/Berlin), or null when the platform does not say. */
export function deviceTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}

/**
 * Every training setting, editable after onboarding: goal, experience, days a week, session length, equipment,
 * units, the gym's loading (bars, plates, dumbbell, kettlebell, stack and bodyweight steps) and the time zone that
 * decides the athlete's days and weeks. Saving is one updateProfile (the server regenerates the plan, so its ETag
 * changes); a refused field shows the server's message under it. A coach has no training profile: their settings
 * are who they are and why the role stays.
 */
export function SettingsScreen({ onboarding = false, onSaved }: { onboarding?: boolean; onSaved?: () => void } = {}) {
  if (useRole() === 'COACH') return <CoachSettings />;
  return <AthleteSettings onboarding={onboarding} onSaved={onSaved} />;
}

function AthleteSettings({ onboarding, onSaved }: { onboarding: boolean; onSaved?: () => void }) {
  const t = useTheme();
  const [{ data }] = useProfileQuery();
  const [state, update] = useUpdateProfile();
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!data || draft) return;
    const initial = draftOf(data.profile);
    // A new account takes the device's time zone (still editable).
    const device = onboarding && initial.timeZone === 'UTC' ? deviceTimeZone() : null;
    setDraft(device ? { ...initial, timeZone: device } : initial);
  }, [data, draft, onboarding]);
  if (!draft || !data) return <Loading label="Loading your settings" />;

  const change = (next: Partial<SettingsDraft>) => {
    setSaved(false);
    setDraft((current) => (current ? { ...current, ...next } : current));
  };
  const save = async () => {
    const made = changesOf(draft, data.profile);
    if ('error' in made) {
      setFieldError(made.error);
      setSaved(false);
      return;
    }
    const result = await update(made.changes);
    setFieldError(fieldErrorOf(result.error?.graphQLErrors[0]) ?? (result.error ? { field: '', message: result.error.message } : null));
    setSaved(!result.error);
    if (result.data) setDraft(draftOf(result.data.updateProfile.profile)); // what the server kept (a new unit's loading)
    if (!result.error) onSaved?.();
  };
  const shown = new Set<string>();
  const errorFor = (field: string) => {
    shown.add(field);
    return fieldError?.field === field ? fieldError.message : null;
  };
  const input = [styles.input, { color: t.text, borderColor: t.border, backgroundColor: t.surface }];
  const toggle = (item: Equipment) =>
    change({ equipment: draft.equipment.includes(item) ? draft.equipment.filter((e) => e !== item) : [...draft.equipment, item] });
  const device = deviceTimeZone();
  const unit = draft.units === 'KG' ? 'kg' : 'lb';
  const unitChanging = draft.units !== data.profile.units;

  // Inside onboarding the settings are a part of that screen, not a scrolling screen of their own.
  const body = (
    <>
      {onboarding ? null : <Title>Settings</Title>}
      <Title level={3}>Your goal</Title>
      <Choices label="Goal" options={GOALS} value={draft.goal} onChange={(goal) => change({ goal })} />
      <ErrorText error={errorFor('goal')} />
      <Title level={3}>Your experience</Title>
      <Choices label="Experience" options={LEVELS} value={draft.experience} onChange={(experience) => change({ experience })} />
      <ErrorText error={errorFor('experience')} />
      <Stepper label="Days a week" value={draft.daysPerWeek} step={1} min={2} max={6} onChange={(v) => change({ daysPerWeek: v })} />
      <ErrorText error={errorFor('daysPerWeek')} />
      <Stepper label="Session minutes" value={draft.sessionMinutes} step={5} min={20} max={180} onChange={(v) => change({ sessionMinutes: v })} />
      <ErrorText error={errorFor('sessionMinutes')} />
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
      <ErrorText error={errorFor('equipment')} />
      <Choices
        label="Units"
        options={[['KG', 'Kilograms'], ['LB', 'Pounds']]}
        value={draft.units}
        short={(u) => (u === 'KG' ? 'kg' : 'lb')}
        onChange={(units) => change({ units })}
      />
      <Title level={3}>Your gym ({unit})</Title>
      {unitChanging ? (
        <Body muted>{`Saving in ${unit === 'kg' ? 'kilograms' : 'pounds'} starts from a ${unit} gym's bars, plates and steps; change them after.`}</Body>
      ) : (
        <>
          {LOADING_FIELDS.map(([field, name, help]) => (
            <View key={field} style={styles.field} testID={`field-loading.${field}`}>
              <Text style={{ color: t.text }}>{`${name} (${unit})`}</Text>
              <TextInput
                accessibilityLabel={name}
                accessibilityHint={help}
                keyboardType="decimal-pad"
                value={draft.loading[field]}
                onChangeText={(v) => change({ loading: { ...draft.loading, [field]: v } })}
                style={input}
              />
              <ErrorText error={errorFor(`loading.${field}`)} />
            </View>
          ))}
          <View style={styles.field}>
            <Text style={{ color: t.text }}>{`Kettlebells (${unit}, comma separated)`}</Text>
            <TextInput accessibilityLabel="Kettlebells" value={draft.kettlebellSizes} onChangeText={(v) => change({ kettlebellSizes: v })} style={input} />
            <ErrorText error={errorFor('loading.kettlebellSizes')} />
          </View>
        </>
      )}
      <Text style={{ color: t.text }}>Time zone (your days and weeks)</Text>
      <TextInput accessibilityLabel="Time zone" autoCapitalize="none" value={draft.timeZone} onChangeText={(v) => change({ timeZone: v })} style={input} />
      {device && device !== draft.timeZone ? (
        <Button label={`Use this device's (${device})`} variant="secondary" onPress={() => change({ timeZone: device })} />
      ) : null}
      <ErrorText error={errorFor('timeZone')} />
      <ErrorText error={fieldError && !shown.has(fieldError.field) ? fieldError.message : null} />
      <Button label={onboarding ? 'Show my plan' : 'Save'} busy={state.fetching} onPress={() => void save()} />
      {saved ? <Body muted>Saved: your plan is rebuilt from these settings.</Body> : null}
      {onboarding ? null : <RoleSection />}
    </>
  );
  return onboarding ? <View style={styles.part}>{body}</View> : <Screen>{body}</Screen>;
}

/** A coach's settings: the name athletes see and the role, which stays. */
function CoachSettings() {
  const { state } = useSession();
  const name = state.status === 'signedIn' ? state.account.name : null;
  return (
    <Screen>
      <Title>Settings</Title>
      {name ? <Body>{`Athletes see you as ${name}.`}</Body> : null}
      <Body muted>Your athletes’ days and weeks are their own, in their time zones and units.</Body>
      <RoleSection />
    </Screen>
  );
}

function RoleSection() {
  const role = useRole();
  return (
    <View style={styles.part} accessibilityLabel="Role">
      <Title level={3}>{`Role: ${role === 'COACH' ? 'coach' : 'athlete'}`}</Title>
      <Body muted>{ROLE_IS_FIXED}</Body>
    </View>
  );
}

function Choices<T extends string>({
  label: group,
  options,
  value,
  short,
  onChange,
}: {
  label: string;
  options: [T, string][];
  value: T;
  short?: (v: T) => string;
  onChange: (v: T) => void;
}) {
  const t = useTheme();
  return (
    <View style={styles.wrap} accessibilityRole="radiogroup" accessibilityLabel={group}>
      {options.map(([option, name]) => (
        <Pressable
          key={option}
          accessibilityRole="radio"
          aria-checked={value === option}
          accessibilityLabel={name}
          onPress={() => onChange(option)}
          style={[styles.chip, { backgroundColor: value === option ? t.primary : t.surfaceAlt }]}
        >
          <Text style={{ color: value === option ? t.onPrimary : t.text }}>{short ? short(option) : name}</Text>
        </Pressable>
      ))}
    </View>
  );
}

function label(item: Equipment): string {
  return item.charAt(0) + item.slice(1).toLowerCase().replaceAll('_', ' ');
}

const styles = StyleSheet.create({
  input: { minHeight: HIT, borderWidth: 1, borderRadius: 10, paddingHorizontal: 12, fontSize: 16 },
  wrap: { flexDirection: 'row', flexWrap: 'wrap', gap: 8 },
  part: { gap: 12 },
  field: { gap: 4 },
  chip: { minHeight: HIT, paddingHorizontal: 14, borderRadius: 22, alignItems: 'center', justifyContent: 'center' },
});

import { useEffect, useMemo, useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { Button, Card } from '#/components/ui';
import { Stepper } from '#/components/Stepper';
import { SwipeableRow } from '#/components/SwipeableRow';
import { HIT, useTheme } from '#/lib/theme';
import { describePlates, type PlateSet } from '#/lib/plates';
import { displayToKg, formatLoad, kgToDisplay, loadStep, roundDisplayLoad, unitLabel } from '#/lib/units';
import type { ExerciseLoading } from '#/state/queries/generated';
import { SET_TYPE_LABEL, SET_TYPES, type SetType } from '#/state/queries/logbook';
import type { Units } from '#/state/queries/profile';
import type { TargetSet } from '#/state/queries/weekly-plan';
import type { DisplaySet, SetPatch } from '#/state/queries/workout-session';

export interface SetValues {
  loadKg: number;
  reps: number;
  rpe: number | null;
}

/** What a set is logged with besides its numbers: its type and the athlete's note. */
export interface SetExtras {
  setType: SetType;
  note: string | null;
}

/** What a card shows of a planned exercise (or of one logged outside the plan: no targets). */
export interface CardExercise {
  exercise: { id: string; name: string; loading?: ExerciseLoading | null };
  scheme: { summary: string };
  targetSets: readonly TargetSet[];
  /** Exercises with the same group are done as a superset. */
  supersetGroup?: string | null;
}

interface Props {
  planned: CardExercise;
  /** This exercise's sets, as the user should see them (pending ones included). */
  sets: readonly DisplaySet[];
  units: Units;
  /** The Copilot's next set for this exercise, if any. */
  suggestion?: SetValues | null;
  readOnly?: boolean;
  /** The athlete's bar and plates (their profile's loading setup): barbell loads show the plates per side. */
  plates?: PlateSet;
  /** Records the last set broke ("Heaviest load, Best e1RM"), celebrated on the card. */
  celebration?: string | null;
  /** The rest after this exercise's sets (its own default), and how to change it. */
  restSeconds?: number;
  onRestChange?: (seconds: number) => void;
  onLog?: (values: SetValues, extras: SetExtras) => void;
  onEdit?: (set: DisplaySet, patch: SetPatch) => void;
  onDelete?: (set: DisplaySet) => void;
}

function targetLabel(t: TargetSet, units: Units): string {
  const reps = t.repsMin === t.repsMax ? `${t.repsMin}` : `${t.repsMin}–${t.repsMax}`;
  return `${reps} × ${formatLoad(t.loadKg, units)}${t.rpe ? ` @${t.rpe}` : ''}`;
}

function doneLabel(s: DisplaySet, units: Units): string {
  const type = s.setType && s.setType !== 'WORKING' ? `, ${SET_TYPE_LABEL[s.setType].toLowerCase()}` : '';
  return `${formatLoad(s.loadKg, units)} × ${s.reps}${s.rpe ? ` @${s.rpe}` : ''}${type}`;
}

/** One planned exercise: target vs done, steppers in the user's units, one tap to log. */
export function SetCard({ planned, sets, units, suggestion, readOnly, plates, celebration, restSeconds, onRestChange, onLog, onEdit, onDelete }: Props) {
  const t = useTheme();
  const next = planned.targetSets[sets.length] ?? planned.targetSets[planned.targetSets.length - 1];
  const initial = useMemo<SetValues>(() => {
    if (suggestion) return suggestion;
    const last = sets[sets.length - 1];
    if (last) return { loadKg: last.loadKg, reps: last.reps, rpe: last.rpe };
    return { loadKg: next?.loadKg ?? 20, reps: next?.repsMax ?? 8, rpe: next?.rpe ?? null };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [suggestion, sets.length]);

  const [load, setLoad] = useState(() => roundDisplayLoad(kgToDisplay(initial.loadKg, units), units));
  const [reps, setReps] = useState(initial.reps);
  const [rpe, setRpe] = useState<number>(initial.rpe ?? 8);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [editing, setEditing] = useState<DisplaySet | null>(null);
  const [setType, setSetType] = useState<SetType>('WORKING');
  const [note, setNote] = useState('');

  useEffect(() => {
    if (editing) return;
    setLoad(roundDisplayLoad(kgToDisplay(initial.loadKg, units), units));
    setReps(initial.reps);
    if (initial.rpe) setRpe(initial.rpe);
  }, [initial, units, editing]);

  const name = planned.exercise.name;
  const rows = Math.max(planned.targetSets.length, sets.length);

  const submit = () => {
    const values = { loadKg: displayToKg(load, units), reps, rpe };
    if (editing) {
      onEdit?.(editing, values);
      setEditing(null);
    } else {
      onLog?.(values, { setType, note: note.trim() || null });
      setNote('');
      setSetType('WORKING');
    }
  };

  const startEdit = (s: DisplaySet) => {
    setMenuFor(null);
    setEditing(s);
    setLoad(roundDisplayLoad(kgToDisplay(s.loadKg, units), units));
    setReps(s.reps);
    setRpe(s.rpe ?? 8);
  };

  return (
    <Card>
      <Text accessibilityRole="header" style={[styles.name, { color: t.text }]}>
        {name}
      </Text>
      <Text style={{ color: t.textMuted }}>
        {planned.scheme.summary}
        {planned.supersetGroup ? ` · Superset ${planned.supersetGroup}` : ''}
      </Text>
      {celebration ? (
        <Text accessibilityRole="alert" style={[styles.record, { color: t.success }]}>
          🏆 New record: {celebration}
        </Text>
      ) : null}

      {Array.from({ length: rows }, (_, i) => {
        const target = planned.targetSets[i];
        const done = sets[i];
        const pending = done?.status === 'pending';
        const rowLabel = `Set ${i + 1} of ${name}: ${target ? `target ${targetLabel(target, units)}` : 'extra set'}, ${
          done ? `done ${doneLabel(done, units)}${pending ? ', waiting to sync' : ''}` : 'not done yet'
        }`;
        return (
          <View key={done?.id ?? `target-${i}`}>
            <SwipeableRow enabled={!!done && !readOnly} onOpen={() => done && setMenuFor(done.id)}>
              <Pressable
                testID={done ? `set-row-${done.id}` : undefined}
                accessibilityLabel={rowLabel}
                accessibilityHint={done && !readOnly ? 'Swipe left or long press to edit or delete' : undefined}
                accessibilityActions={done && !readOnly ? [{ name: 'edit', label: 'Edit' }, { name: 'delete', label: 'Delete' }] : undefined}
                onAccessibilityAction={(e) => {
                  if (!done) return;
                  if (e.nativeEvent.actionName === 'edit') startEdit(done);
                  if (e.nativeEvent.actionName === 'delete') onDelete?.(done);
                }}
                onLongPress={done && !readOnly ? () => setMenuFor(menuFor === done.id ? null : done.id) : undefined}
                style={[styles.row, { borderColor: t.border }]}
              >
                <Text style={[styles.num, { color: t.textMuted }]}>{i + 1}</Text>
                <Text style={[styles.cell, { color: t.textMuted }]}>{target ? targetLabel(target, units) : '—'}</Text>
                <Text style={[styles.cell, { color: done ? (pending ? t.pending : t.text) : t.textMuted }]}>
                  {done ? doneLabel(done, units) : ''}
                </Text>
                {done && done.setType !== 'WORKING' ? <Text style={[styles.type, { color: t.textMuted }]}>{SET_TYPE_LABEL[done.setType]}</Text> : null}
                <Text style={[styles.status, { color: pending ? t.pending : t.success }]}>{done ? (pending ? '⟳' : '✓') : ''}</Text>
              </Pressable>
            </SwipeableRow>
            {done?.note ? <Text style={{ color: t.textMuted, fontSize: 12 }}>Note: {done.note}</Text> : null}
            {pending && done?.lastError ? <Text style={{ color: t.pending, fontSize: 12 }}>Waiting to sync: {done.lastError}</Text> : null}
            {done && menuFor === done.id ? (
              <View style={styles.menu} accessibilityRole="menu">
                <Button label="Edit" variant="secondary" accessibilityLabel={`Edit set ${i + 1} of ${name}`} onPress={() => startEdit(done)} />
                <Button
                  label="Delete"
                  variant="danger"
                  accessibilityLabel={`Delete set ${i + 1} of ${name}`}
                  onPress={() => {
                    setMenuFor(null);
                    onDelete?.(done);
                  }}
                />
                <Button label="Cancel" variant="secondary" onPress={() => setMenuFor(null)} />
              </View>
            ) : null}
          </View>
        );
      })}

      {readOnly ? null : (
        <View style={styles.controls}>
          <Stepper
            label={`Load`}
            value={load}
            step={loadStep(units)}
            format={(v) => `${v} ${unitLabel(units)}`}
            of={name}
            onChange={setLoad}
          />
          {plates && planned.exercise.loading === 'BARBELL' ? (
            <Text accessibilityLabel={`Plates for ${load} ${unitLabel(units)} of ${name}: ${platesText(load, units, plates)}`} style={{ color: t.textMuted }}>
              Plates: {platesText(load, units, plates)}
            </Text>
          ) : null}
          <Stepper label="Reps" value={reps} step={1} min={0} max={100} of={name} onChange={setReps} />
          <Stepper label="RPE" value={rpe} step={0.5} min={5} max={10} of={name} onChange={setRpe} />
          {restSeconds !== undefined && onRestChange ? (
            <Stepper
              label="Rest"
              value={restSeconds}
              step={15}
              min={0}
              max={900}
              of={name}
              format={(v) => `${Math.floor(v / 60)}:${String(v % 60).padStart(2, '0')}`}
              onChange={onRestChange}
            />
          ) : null}
          {editing ? null : (
            <View style={styles.types} accessibilityRole="radiogroup" accessibilityLabel={`Set type for ${name}`}>
              {SET_TYPES.map((type) => (
                <Pressable
                  key={type}
                  accessibilityRole="radio"
                  aria-checked={type === setType}
                  accessibilityLabel={`${SET_TYPE_LABEL[type]} set of ${name}`}
                  onPress={() => setSetType(type)}
                  style={[styles.chip, { backgroundColor: type === setType ? t.primary : t.surfaceAlt }]}
                >
                  <Text style={{ color: type === setType ? t.onPrimary : t.text }}>{SET_TYPE_LABEL[type]}</Text>
                </Pressable>
              ))}
            </View>
          )}
          {editing ? null : (
            <TextInput
              accessibilityLabel={`Note for set ${sets.length + 1} of ${name}`}
              placeholder="Note (optional)"
              placeholderTextColor={t.textMuted}
              value={note}
              maxLength={500}
              onChangeText={setNote}
              style={[styles.note, { color: t.text, borderColor: t.border }]}
            />
          )}
          <View style={styles.actions}>
            <Button
              label={editing ? 'Save edit' : 'Log set'}
              accessibilityLabel={editing ? `Save edit of ${name}` : `Log set ${sets.length + 1} of ${name}`}
              onPress={submit}
            />
            {editing ? <Button label="Cancel" variant="secondary" onPress={() => setEditing(null)} /> : null}
          </View>
        </View>
      )}
    </Card>
  );
}

const styles = StyleSheet.create({
  name: { fontSize: 18, fontWeight: '700' },
  row: { flexDirection: 'row', alignItems: 'center', minHeight: HIT, borderBottomWidth: StyleSheet.hairlineWidth, gap: 8 },
  num: { width: 20, textAlign: 'center' },
  cell: { flex: 1, fontVariant: ['tabular-nums'] },
  status: { width: 20, textAlign: 'center', fontSize: 16 },
  menu: { flexDirection: 'row', gap: 8, paddingVertical: 8, flexWrap: 'wrap' },
  controls: { gap: 8, marginTop: 8 },
  actions: { flexDirection: 'row', gap: 8 },
  types: { flexDirection: 'row', gap: 6, flexWrap: 'wrap' },
  chip: { minHeight: HIT, paddingHorizontal: 12, borderRadius: 22, justifyContent: 'center' },
  type: { fontSize: 12 },
  note: { minHeight: HIT, borderWidth: StyleSheet.hairlineWidth, borderRadius: 8, paddingHorizontal: 10 },
  record: { fontWeight: '700', marginTop: 4 },
});

/** The plates for a load shown in `units`, on a bar set up in its own unit (the same one unless the profile changed since). */
function platesText(load: number, units: Units, plates: PlateSet): string {
  const inSetupUnit = plates.unit === units ? load : Math.round(kgToDisplay(displayToKg(load, units), plates.unit) * 1000) / 1000;
  return describePlates(inSetupUnit, plates);
}

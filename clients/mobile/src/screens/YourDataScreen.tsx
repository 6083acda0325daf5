import * as DocumentPicker from 'expo-document-picker';
import { router } from 'expo-router';
import { useEffect, useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { Platform, Pressable, Share, StyleSheet, Text, TextInput, View } from 'react-native';
import { NewExerciseForm, type NewExercise } from '#/components/NewExerciseForm';
import { Body, Button, Card, ErrorText, Screen, Title } from '#/components/ui';
import { readLocalFile } from '#/lib/files';
import { bffFetch, useLiveQuery } from '#/lib/network';
import { HIT, useTheme } from '#/lib/theme';
import { uuid } from '#/lib/uuid';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';
import { useUnits } from '#/state/queries/profile';
import {
  confirmImport,
  deviceTimeZone,
  downloadExport,
  isRunning,
  readImport,
  uploadImport,
  type ExerciseMatch,
  type HistoryImport,
} from '#/state/imports';

type Catalog = readonly { id: string; name: string }[];

/** How often the screen asks how far a running import is. */
const PROGRESS_POLL_MS = 1000;

/**
 * Bring a Strong or Hevy history in, and take everything out. The file is previewed first (how many
 * workouts and sets are new, and which exercise each name of the file is taken for); the athlete fixes
 * any match, then confirms, and the import runs on the server with its progress shown here.
 */
export function YourDataScreen() {
  const fetch = useMemo(() => bffFetch(), []);
  const units = useUnits();
  const [fileUnit, setFileUnit] = useState<'kg' | 'lb'>(units === 'LB' ? 'lb' : 'kg');
  const [current, setCurrent] = useState<HistoryImport | null>(null);
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ data: catalog }] = useLiveQuery<ResultOf<'Exercises'>, VariablesOf<'Exercises'>>({ query: operations.Exercises.document, variables: {} });
  const [created, setCreated] = useState<{ id: string; name: string }[]>([]);
  const exercises = useMemo(() => [...(catalog?.exercises ?? []), ...created], [catalog, created]);
  const [creating, createExercise] = useMutation<ResultOf<'CreateExercise'>, VariablesOf<'CreateExercise'>>(operations.CreateExercise.document);

  /** Makes the athlete's own exercise for a name the catalog does not have, and takes the name for it. */
  const create = (fileName: string, input: NewExercise) =>
    run(async () => {
      const result = await createExercise({ input: { ...input, clientMutationId: uuid() } });
      const exercise = result.data?.createExercise.exercise;
      if (!exercise) throw new Error(result.error?.message.replace(/^\[\w+\] /, '') ?? 'The exercise could not be created.');
      setCreated((c) => [...c, { id: exercise.id, name: exercise.name }]);
      setChoices((c) => ({ ...c, [fileName]: exercise.id }));
    });

  useEffect(() => {
    if (!current || !isRunning(current.status)) return;
    const timer = setTimeout(() => {
      readImport(fetch, current.id).then(setCurrent, (e: Error) => setError(e.message));
    }, PROGRESS_POLL_MS);
    return () => clearTimeout(timer);
  }, [current, fetch]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const pickFile = () =>
    run(async () => {
      const picked = await DocumentPicker.getDocumentAsync({ type: ['text/csv', 'text/comma-separated-values', 'text/plain', '*/*'], copyToCacheDirectory: true });
      const asset = picked.canceled ? null : picked.assets[0];
      if (!asset) return;
      setCurrent(null);
      setChoices({});
      setCurrent(await uploadImport(fetch, await readLocalFile(asset), { fileName: asset.name, unit: fileUnit, timeZone: deviceTimeZone() }));
    });

  const confirm = () => run(async () => setCurrent(await confirmImport(fetch, current!.id, choices)));

  const unmatched = current?.preview.exercises.filter((e) => (e.name in choices ? false : e.exerciseId === null)) ?? [];

  return (
    <Screen>
      <Title>Import from Strong or Hevy</Title>
      <Body muted>
        Export your workouts as CSV from Strong (Settings → Export data) or Hevy (Settings → Export &amp; import data), then choose the
        file here. Importing the same file again, or a later export, adds only what is new.
      </Body>
      <View style={styles.row} accessibilityRole="radiogroup" accessibilityLabel="Unit of a Strong file without units">
        <Body>Weights in a Strong file without units are in</Body>
        {(['kg', 'lb'] as const).map((u) => (
          <Chip key={u} label={u} selected={fileUnit === u} onPress={() => setFileUnit(u)} />
        ))}
      </View>
      <Button label="Choose a CSV file" onPress={() => void pickFile()} busy={busy && !current} />
      <ErrorText error={error} />

      {current ? (
        <Card>
          <Title level={2}>{`${current.format} export: ${current.fileName}`}</Title>
          <Body>
            {`${plural(current.preview.sessions.new, 'new workout')} and ${plural(current.preview.sets.new, 'new set')}` +
              (current.preview.sessions.existing > 0 ? ` (${plural(current.preview.sessions.existing, 'workout')} already here)` : '') +
              '.'}
          </Body>
          {Object.entries(current.preview.skippedRows).map(([reason, count]) => (
            <Body key={reason} muted>{`${plural(count, 'row')} left out: ${reason}`}</Body>
          ))}
          {current.status === 'Previewed' ? (
            <>
              <Title level={3}>Exercises</Title>
              {current.preview.exercises.map((m) => (
                <MatchRow
                  key={m.name}
                  match={m}
                  catalog={exercises}
                  choice={m.name in choices ? choices[m.name]! : m.exerciseId}
                  onChoose={(id) => setChoices((c) => ({ ...c, [m.name]: id }))}
                  onCreate={(input) => create(m.name, input)}
                  creating={creating.fetching}
                />
              ))}
              {unmatched.length > 0 ? <Body muted>{`Choose an exercise for ${unmatched.map((u) => u.name).join(', ')}, or leave it out.`}</Body> : null}
              <Button
                label={`Import ${plural(current.preview.sessions.new, 'workout')}`}
                onPress={() => void confirm()}
                disabled={unmatched.length > 0}
                busy={busy}
              />
            </>
          ) : null}
          {isRunning(current.status) ? (
            <Body>{`Importing… ${current.sessionsWritten} of ${plural(current.preview.sessions.new, 'workout')} written.`}</Body>
          ) : null}
          {current.status === 'Completed' ? (
            <>
              <Body>{`Imported ${plural(current.sessionsWritten, 'workout')} and ${plural(current.setsWritten, 'set')}.`}</Body>
              <Button label="See history" variant="secondary" onPress={() => router.push('/history')} />
            </>
          ) : null}
          {current.status === 'Failed' ? <ErrorText error={current.error ?? 'The import failed.'} /> : null}
        </Card>
      ) : null}

      <Title>Export</Title>
      <Body muted>Every set as CSV in Strong&apos;s layout (other apps import it), or everything of your account as JSON.</Body>
      <View style={styles.row}>
        <Button label="Sets (CSV)" variant="secondary" onPress={() => void run(() => saveExport(fetch, 'sets.csv'))} />
        <Button label="Everything (JSON)" variant="secondary" onPress={() => void run(() => saveExport(fetch, 'account.json'))} />
      </View>
    </Screen>
  );
}

/** One exercise name of the file, what it is taken for, and a search to take it for another (or leave it out). */
function MatchRow({
  match,
  catalog,
  choice,
  onChoose,
  onCreate,
  creating,
}: {
  match: ExerciseMatch;
  catalog: Catalog;
  choice: string | null;
  onChoose: (id: string | null) => void;
  onCreate: (exercise: NewExercise) => Promise<void>;
  creating: boolean;
}) {
  const t = useTheme();
  const [searching, setSearching] = useState(false);
  const [making, setMaking] = useState(false);
  const [search, setSearch] = useState('');
  const chosen = catalog.find((e) => e.id === choice)?.name;
  const results = useMemo(() => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return words.length === 0 ? [] : catalog.filter((e) => words.every((w) => e.name.toLowerCase().includes(w))).slice(0, 6);
  }, [catalog, search]);

  return (
    <View style={[styles.match, { borderColor: t.border }]} accessibilityLabel={`Match for ${match.name}`}>
      <Body>{`${match.name} · ${plural(match.sets, 'set')}`}</Body>
      <Body muted={!choice}>{choice ? `→ ${chosen ?? choice}` : 'No exercise: its sets are left out unless you choose one'}</Body>
      <View style={styles.row}>
        <Button label="Change" variant="secondary" accessibilityLabel={`Change the exercise for ${match.name}`} onPress={() => setSearching((s) => !s)} />
        <Button label="Leave out" variant="secondary" accessibilityLabel={`Leave out ${match.name}`} onPress={() => onChoose(null)} />
        <Button label="New exercise" variant="secondary" accessibilityLabel={`Create ${match.name} as my exercise`} onPress={() => setMaking((m) => !m)} />
      </View>
      {making ? (
        <NewExerciseForm
          initialName={match.name}
          submitLabel="Create and use"
          busy={creating}
          onCreate={(input) => void onCreate(input).then(() => setMaking(false))}
          onCancel={() => setMaking(false)}
        />
      ) : null}
      {searching ? (
        <>
          <TextInput
            accessibilityLabel={`Search an exercise for ${match.name}`}
            placeholder="Search exercises"
            placeholderTextColor={t.textMuted}
            value={search}
            onChangeText={setSearch}
            style={[styles.input, { color: t.text, borderColor: t.border }]}
          />
          {results.map((e) => (
            <Pressable
              key={e.id}
              accessibilityRole="button"
              accessibilityLabel={`Take ${match.name} for ${e.name}`}
              onPress={() => {
                onChoose(e.id);
                setSearching(false);
                setSearch('');
              }}
              style={styles.result}
            >
              <Text style={{ color: t.primary }}>{e.name}</Text>
            </Pressable>
          ))}
        </>
      ) : null}
    </View>
  );
}

function Chip({ label, selected, onPress }: { label: string; selected: boolean; onPress: () => void }) {
  const t = useTheme();
  return (
    <Pressable
      accessibilityRole="radio"
      aria-checked={selected}
      onPress={onPress}
      style={[styles.chip, { backgroundColor: selected ? t.primary : t.surfaceAlt }]}
    >
      <Text style={{ color: selected ? t.onPrimary : t.text }}>{label}</Text>
    </Pressable>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** On the web the file downloads; on a phone it goes to the share sheet. */
async function saveExport(fetch: ReturnType<typeof bffFetch>, kind: 'sets.csv' | 'account.json') {
  const { fileName, text } = await downloadExport(fetch, kind);
  if (Platform.OS === 'web') {
    const url = URL.createObjectURL(new Blob([text], { type: kind.endsWith('.csv') ? 'text/csv' : 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
    return;
  }

  await Share.share({ title: fileName, message: text });
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', gap: 8, alignItems: 'center', flexWrap: 'wrap' },
  chip: { minHeight: HIT, minWidth: HIT, paddingHorizontal: 14, borderRadius: 22, justifyContent: 'center', alignItems: 'center' },
  match: { borderTopWidth: StyleSheet.hairlineWidth, paddingVertical: 8, gap: 4 },
  input: { borderWidth: StyleSheet.hairlineWidth, borderRadius: 8, minHeight: HIT, paddingHorizontal: 10 },
  result: { minHeight: HIT, justifyContent: 'center' },
});

import { StyleSheet, Text, View } from 'react-native';
import Svg, { Ellipse, G, Rect } from 'react-native-svg';
import { useTheme } from '#/lib/theme';
import type { MuscleGroup } from '#/state/queries/generated';

type Shape = { kind: 'rect'; x: number; y: number; w: number; h: number; r?: number } | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number };

/** Stylised muscle regions on a 100 × 220 figure; each muscle may appear on both sides (mirrored). */
const FRONT: Partial<Record<MuscleGroup, Shape[]>> = {
  FRONT_DELTS: [{ kind: 'ellipse', cx: 30, cy: 48, rx: 7, ry: 6 }],
  SIDE_DELTS: [{ kind: 'ellipse', cx: 24, cy: 52, rx: 4, ry: 7 }],
  CHEST: [{ kind: 'rect', x: 36, y: 46, w: 13, h: 16, r: 4 }],
  BICEPS: [{ kind: 'ellipse', cx: 23, cy: 70, rx: 5, ry: 10 }],
  FOREARMS: [{ kind: 'ellipse', cx: 19, cy: 96, rx: 4.5, ry: 12 }],
  ABS: [{ kind: 'rect', x: 43, y: 64, w: 6.5, h: 32, r: 2 }],
  OBLIQUES: [{ kind: 'rect', x: 35, y: 66, w: 7, h: 26, r: 3 }],
  ADDUCTORS: [{ kind: 'rect', x: 44, y: 110, w: 6, h: 24, r: 3 }],
  QUADS: [{ kind: 'ellipse', cx: 37, cy: 132, rx: 8, ry: 24 }],
  CALVES: [{ kind: 'ellipse', cx: 38, cy: 180, rx: 5, ry: 15 }],
  TRAPS: [{ kind: 'rect', x: 38, y: 36, w: 11, h: 6, r: 3 }],
};

const BACK: Partial<Record<MuscleGroup, Shape[]>> = {
  TRAPS: [{ kind: 'rect', x: 37, y: 36, w: 13, h: 16, r: 4 }],
  REAR_DELTS: [{ kind: 'ellipse', cx: 29, cy: 50, rx: 7, ry: 6 }],
  SIDE_DELTS: [{ kind: 'ellipse', cx: 23, cy: 52, rx: 4, ry: 7 }],
  UPPER_BACK: [{ kind: 'rect', x: 35, y: 53, w: 14, h: 12, r: 3 }],
  LATS: [{ kind: 'rect', x: 33, y: 64, w: 12, h: 20, r: 5 }],
  TRICEPS: [{ kind: 'ellipse', cx: 23, cy: 70, rx: 5, ry: 10 }],
  FOREARMS: [{ kind: 'ellipse', cx: 19, cy: 96, rx: 4.5, ry: 12 }],
  LOWER_BACK: [{ kind: 'rect', x: 41, y: 84, w: 8.5, h: 14, r: 3 }],
  GLUTES: [{ kind: 'ellipse', cx: 40, cy: 108, rx: 10, ry: 10 }],
  HAMSTRINGS: [{ kind: 'ellipse', cx: 38, cy: 138, rx: 7.5, ry: 20 }],
  CALVES: [{ kind: 'ellipse', cx: 38, cy: 180, rx: 5.5, ry: 15 }],
};

export const MUSCLE_NAMES: Record<MuscleGroup, string> = {
  CHEST: 'Chest', FRONT_DELTS: 'Front delts', SIDE_DELTS: 'Side delts', REAR_DELTS: 'Rear delts', BICEPS: 'Biceps',
  TRICEPS: 'Triceps', FOREARMS: 'Forearms', LATS: 'Lats', UPPER_BACK: 'Upper back', TRAPS: 'Traps', LOWER_BACK: 'Lower back',
  ABS: 'Abs', OBLIQUES: 'Obliques', GLUTES: 'Glutes', QUADS: 'Quads', HAMSTRINGS: 'Hamstrings', ADDUCTORS: 'Adductors', CALVES: 'Calves',
};

/** Heat level 0..5 for a number of weekly hard sets (0, 1–3, 4–7, 8–11, 12–15, 16+). */
export function heatLevel(hardSets: number | undefined): number {
  const s = hardSets ?? 0;
  if (s <= 0) return 0;
  if (s < 4) return 1;
  if (s < 8) return 2;
  if (s < 12) return 3;
  if (s < 16) return 4;
  return 5;
}

function Side({ shapes, values, label, size }: { shapes: Partial<Record<MuscleGroup, Shape[]>>; values: Partial<Record<MuscleGroup, number>>; label: string; size: number }) {
  const t = useTheme();
  const draw = (muscle: MuscleGroup, s: Shape, mirror: boolean, key: string) => {
    const fill = t.heat[heatLevel(values[muscle])];
    if (s.kind === 'rect') {
      const x = mirror ? 100 - s.x - s.w : s.x;
      return <Rect key={key} x={x} y={s.y} width={s.w} height={s.h} rx={s.r ?? 0} fill={fill} stroke={t.border} strokeWidth={0.5} />;
    }
    return <Ellipse key={key} cx={mirror ? 100 - s.cx : s.cx} cy={s.cy} rx={s.rx} ry={s.ry} fill={fill} stroke={t.border} strokeWidth={0.5} />;
  };
  return (
    <View style={styles.side}>
      <Svg width={size * 0.45} height={size} viewBox="0 0 100 220" accessibilityLabel={`${label} view`}>
        {/* silhouette */}
        <G opacity={0.35}>
          <Ellipse cx={50} cy={18} rx={11} ry={13} fill={t.surfaceAlt} />
          <Rect x={30} y={34} width={40} height={72} rx={14} fill={t.surfaceAlt} />
          <Rect x={14} y={44} width={14} height={68} rx={7} fill={t.surfaceAlt} />
          <Rect x={72} y={44} width={14} height={68} rx={7} fill={t.surfaceAlt} />
          <Rect x={29} y={100} width={20} height={112} rx={9} fill={t.surfaceAlt} />
          <Rect x={51} y={100} width={20} height={112} rx={9} fill={t.surfaceAlt} />
        </G>
        {(Object.entries(shapes) as [MuscleGroup, Shape[]][]).flatMap(([muscle, list]) =>
          list.flatMap((s, i) => [draw(muscle, s, false, `${muscle}-${i}-l`), draw(muscle, s, true, `${muscle}-${i}-r`)]),
        )}
      </Svg>
      <Text style={{ color: t.textMuted, textAlign: 'center' }}>{label}</Text>
    </View>
  );
}

/** Front and back heat map of weekly hard sets per muscle, with a text list for screen readers. */
export function BodyMapFigure({ values, size = 260, compact }: { values: Partial<Record<MuscleGroup, number>>; size?: number; compact?: boolean }) {
  const t = useTheme();
  const trained = (Object.entries(values) as [MuscleGroup, number][]).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  const summary = trained.length
    ? trained.map(([m, v]) => `${MUSCLE_NAMES[m]} ${Math.round(v * 10) / 10} hard sets`).join(', ')
    : 'No training logged this week';
  return (
    <View accessible accessibilityLabel={`Body map: ${summary}`}>
      <View style={styles.figures}>
        <Side shapes={FRONT} values={values} label="Front" size={size} />
        <Side shapes={BACK} values={values} label="Back" size={size} />
      </View>
      {compact ? null : (
        <View style={styles.legend}>
          {t.heat.map((c, i) => (
            <View key={c} style={styles.legendItem}>
              <View style={[styles.swatch, { backgroundColor: c, borderColor: t.border }]} />
              <Text style={{ color: t.textMuted, fontSize: 11 }}>{['0', '1–3', '4–7', '8–11', '12–15', '16+'][i]}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  figures: { flexDirection: 'row', justifyContent: 'center', gap: 16 },
  side: { alignItems: 'center' },
  legend: { flexDirection: 'row', justifyContent: 'center', gap: 8, marginTop: 8, flexWrap: 'wrap' },
  legendItem: { alignItems: 'center', gap: 2 },
  swatch: { width: 18, height: 12, borderWidth: StyleSheet.hairlineWidth },
});

import { Text, View } from 'react-native';
import Svg, { Circle, Line, Polyline, Text as SvgText } from 'react-native-svg';
import { useTheme } from '#/lib/theme';

export interface Point {
  x: string; // label (a date)
  y: number;
}

/** A small line chart (e.g. e1RM over time) with min/max labels; described in words for screen readers. */
export function LineChart({ points, width = 320, height = 160, format = (v: number) => String(Math.round(v)), label }: {
  points: readonly Point[];
  width?: number;
  height?: number;
  format?: (v: number) => string;
  label: string;
}) {
  const t = useTheme();
  if (points.length === 0) return <Text style={{ color: t.textMuted }}>No data yet.</Text>;
  const pad = { l: 40, r: 8, t: 10, b: 20 };
  const ys = points.map((p) => p.y);
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  const span = max - min || 1;
  const x = (i: number) => pad.l + (points.length === 1 ? 0.5 : i / (points.length - 1)) * (width - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - (v - min) / span) * (height - pad.t - pad.b);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const description = `${label}: from ${format(first.y)} on ${first.x} to ${format(last.y)} on ${last.x}, highest ${format(max)}`;
  return (
    <View accessible accessibilityLabel={description}>
      <Svg width={width} height={height}>
        <Line x1={pad.l} y1={pad.t} x2={pad.l} y2={height - pad.b} stroke={t.border} />
        <Line x1={pad.l} y1={height - pad.b} x2={width - pad.r} y2={height - pad.b} stroke={t.border} />
        <SvgText x={pad.l - 4} y={y(max) + 4} fontSize={10} fill={t.textMuted} textAnchor="end">
          {format(max)}
        </SvgText>
        <SvgText x={pad.l - 4} y={y(min) + 4} fontSize={10} fill={t.textMuted} textAnchor="end">
          {format(min)}
        </SvgText>
        <SvgText x={pad.l} y={height - 4} fontSize={10} fill={t.textMuted}>
          {first.x}
        </SvgText>
        <SvgText x={width - pad.r} y={height - 4} fontSize={10} fill={t.textMuted} textAnchor="end">
          {last.x}
        </SvgText>
        <Polyline points={points.map((p, i) => `${x(i)},${y(p.y)}`).join(' ')} fill="none" stroke={t.primary} strokeWidth={2} />
        {points.map((p, i) => (
          <Circle key={`${p.x}-${i}`} cx={x(i)} cy={y(p.y)} r={3} fill={t.primary} />
        ))}
      </Svg>
    </View>
  );
}

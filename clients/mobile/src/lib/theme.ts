import { useColorScheme } from 'react-native';
import { usePreferences } from '#/state/persisted';

export interface Palette {
  scheme: 'light' | 'dark';
  background: string;
  surface: string;
  surfaceAlt: string;
  text: string;
  textMuted: string;
  border: string;
  primary: string;
  onPrimary: string;
  pending: string;
  success: string;
  danger: string;
  heat: readonly string[];
}

const light: Palette = {
  scheme: 'light',
  background: '#f5f6f8',
  surface: '#ffffff',
  surfaceAlt: '#eceef2',
  text: '#11151c',
  textMuted: '#5b6472',
  border: '#d5d9e0',
  primary: '#1f5eff',
  onPrimary: '#ffffff',
  pending: '#b26b00',
  success: '#13803b',
  danger: '#c62828',
  heat: ['#e3e6eb', '#ffe0b2', '#ffb74d', '#fb8c00', '#e65100', '#b71c1c'],
};

const dark: Palette = {
  scheme: 'dark',
  background: '#0d1015',
  surface: '#171b22',
  surfaceAlt: '#222834',
  text: '#eef1f6',
  textMuted: '#9aa4b2',
  border: '#2e3542',
  primary: '#6e9bff',
  onPrimary: '#0d1015',
  pending: '#ffb74d',
  success: '#4caf50',
  danger: '#ef5350',
  heat: ['#2a303b', '#5d4037', '#8d5524', '#c56a1b', '#ef6c00', '#ff3d00'],
};

/** Light or dark, following the system unless the user chose one. */
export function useTheme(): Palette {
  const system = useColorScheme();
  const { preferences } = usePreferences();
  const scheme = preferences.colorScheme === 'system' ? (system === 'dark' ? 'dark' : 'light') : preferences.colorScheme;
  return scheme === 'dark' ? dark : light;
}

/** Minimum size of anything tappable (Apple HIG 44 pt). */
export const HIT = 44;

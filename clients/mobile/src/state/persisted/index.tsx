import AsyncStorage from '@react-native-async-storage/async-storage';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadVersioned, serializeVersioned, type StorageLike } from '#/state/persisted/versioned';
import { PREFERENCES_KEY, defaultPreferences, preferencesSpec, type Preferences } from '#/state/persisted/schema';

interface PreferencesContextValue {
  preferences: Preferences;
  setPreference<K extends keyof Preferences>(key: K, value: Preferences[K]): void;
}

const PreferencesContext = createContext<PreferencesContextValue>({
  preferences: defaultPreferences(),
  setPreference: () => undefined,
});

export function PreferencesProvider({ children, storage = AsyncStorage }: { children: ReactNode; storage?: StorageLike }) {
  const [preferences, setPreferences] = useState<Preferences>(defaultPreferences);

  useEffect(() => {
    let cancelled = false;
    void loadVersioned(storage, PREFERENCES_KEY, preferencesSpec).then(({ data, changed }) => {
      if (cancelled) return;
      setPreferences(data);
      if (changed) void storage.setItem(PREFERENCES_KEY, serializeVersioned(preferencesSpec, data));
    });
    return () => {
      cancelled = true;
    };
  }, [storage]);

  const setPreference = useCallback(
    <K extends keyof Preferences>(key: K, value: Preferences[K]) => {
      setPreferences((p) => {
        const next = { ...p, [key]: value };
        void storage.setItem(PREFERENCES_KEY, serializeVersioned(preferencesSpec, next));
        return next;
      });
    },
    [storage],
  );

  const value = useMemo(() => ({ preferences, setPreference }), [preferences, setPreference]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences() {
  return useContext(PreferencesContext);
}

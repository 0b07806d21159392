import { useLayoutEffect, useState } from 'react';

/** The desk pages' theme: the OS's choice, or light or dark whatever the OS says. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** The one thing Bellwether keeps in localStorage besides saved views: a word, never a secret. */
export const THEME_STORAGE_KEY = 'bellwether.theme';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage blocked (privacy settings): the choice lasts for the page only
  }
}

function readThemeChoice(): ThemeChoice {
  const stored = storage()?.getItem(THEME_STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** Sets `data-theme` on the root (styles.css reads it); "system" removes it and the stored choice. */
function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

function storeTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') storage()?.removeItem(THEME_STORAGE_KEY);
    else storage()?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // quota or blocked storage: the choice still applies to this page
  }
}

/** The theme chosen in this browser, applied before the desk paints, and a setter that keeps it. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState(readThemeChoice);
  useLayoutEffect(() => applyTheme(choice), [choice]);
  return [
    choice,
    (next) => {
      storeTheme(next);
      setChoice(next);
    },
  ];
}

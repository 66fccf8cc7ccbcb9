import { LOCALE_IDS } from 'pps-workbench-locales';

/** The languages the workbench offers: one per strings file in src/webparts/profilePhotoSync/loc. */
export const LOCALES: ReadonlyArray<{ id: string; label: string }> = LOCALE_IDS.map((id) => ({ id, label: languageName(id) }));

function languageName(id: string): string {
  try {
    const names = new Intl.DisplayNames([id], { type: 'language', languageDisplay: 'standard' });
    return names.of(id) || id;
  } catch {
    return id;
  }
}

import { useEffect, useState } from "react";
import { getLanguage, onLanguageChange } from "../../i18n";
import type { Language } from "../../i18n";

/** Re-render on a language switch; components then call t() as usual. */
export function useLanguage(): Language {
  const [language, setLanguageState] = useState<Language>(getLanguage());
  useEffect(() => onLanguageChange(setLanguageState), []);
  return language;
}

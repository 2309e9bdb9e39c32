import { Select } from "@fluentui/react-components";
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, setLanguage, t } from "../../i18n";
import { useLanguage } from "../shared/useLanguage";

export function LanguageSwitch() {
  const language = useLanguage();
  return (
    <Select
      aria-label={t("app.language")}
      size="small"
      value={language}
      onChange={(_event, data) => {
        if (isLanguage(data.value)) setLanguage(data.value);
      }}
    >
      {LANGUAGES.map((code) => (
        <option key={code} value={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </Select>
  );
}

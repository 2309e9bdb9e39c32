/** 从名单选择: a branch of the 党支部名单 sheet in this workbook, to fill the header with (and its id). */
import { useState } from "react";
import { Caption1, Combobox, Field, Option } from "@fluentui/react-components";
import { t } from "../../../i18n";
import { entryLabel } from "../../../roster/match";
import type { RosterEntry } from "../../../roster/roster";
import type { SubjectKind } from "../../../rubric/types";

export interface RosterPickerProps {
  sheet: string;
  entries: RosterEntry[];
  subjectKind: SubjectKind;
  /** the entry picked, when the header still shows its names */
  picked: RosterEntry | null;
  onPick(entry: RosterEntry): void;
}

export function RosterPicker({ sheet, entries, subjectKind, picked, onPick }: RosterPickerProps) {
  const [query, setQuery] = useState("");
  // controlled, so typing a filter opens the list (Fluent opens a Combobox with a controlled value only on click or arrows)
  const [open, setOpen] = useState(false);
  const label = (entry: RosterEntry) => entryLabel(entry, subjectKind);
  const typed = query.trim();
  const shown = typed === "" ? entries : entries.filter((entry) => label(entry).includes(typed));
  return (
    <Field label={t("templates.roster.pick", { sheet })} hint={<Caption1>{t("templates.roster.hint", { count: entries.length })}</Caption1>}>
      <Combobox
        data-testid="roster-picker"
        placeholder={t("templates.roster.placeholder")}
        value={query || (picked ? label(picked) : "")}
        selectedOptions={picked ? [picked.id] : []}
        inlinePopup
        open={open}
        onOpenChange={(_event, data) => setOpen(data.open)}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_event, data) => {
          const entry = entries.find((candidate) => candidate.id === data.optionValue);
          setQuery("");
          if (entry) onPick(entry);
        }}
      >
        {shown.map((entry) => (
          <Option key={entry.id} value={entry.id} text={label(entry)}>
            {label(entry)}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

import { useRef, useState } from "react";
import type { DragEvent } from "react";
import { Button, Caption1, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { t } from "../../../i18n";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    ...shorthands.border(tokens.strokeWidthThick, "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
});

export interface FilePickerProps {
  onFiles(files: File[]): void;
  disabled?: boolean;
}

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A button opening the file dialog (several files at once) and a zone that accepts files dropped onto the pane. */
export function FilePicker({ onFiles, disabled = false }: FilePickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const dragOver = (event: DragEvent) => {
    if (disabled || !event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles([...event.dataTransfer.files]);
  };

  return (
    <div className={mergeClasses(styles.zone, over && styles.over)} onDragOver={dragOver} onDragLeave={() => setOver(false)} onDrop={drop}>
      <input
        ref={input}
        type="file"
        multiple
        accept={XLSX_TYPES}
        hidden
        data-testid="summary-file-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // cleared so that picking the same files again (after editing them) fires a change again
          event.target.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
      <Button appearance="primary" disabled={disabled} onClick={() => input.current?.click()}>
        {t("summary.pick")}
      </Button>
      <Caption1>{over ? t("summary.dropActive") : t("summary.drop")}</Caption1>
    </div>
  );
}

import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n";

const useStyles = makeStyles({
  command: {
    display: "block",
    marginBlock: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: "pre-wrap",
  },
});

/**
 * Excel below ExcelApi 1.7 (e.g. Excel 2016 volume licence), or no Excel at all (the page opened in a browser):
 * the template file and the command line still work.
 */
export function UnsupportedHost({ excelApiMinor }: { excelApiMinor: number }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("unsupported.title")}</MessageBarTitle>
        <p>{excelApiMinor > 0 ? t("unsupported.body", { minor: excelApiMinor }) : t("unsupported.noExcel")}</p>
        <p>
          {t("unsupported.hint")}
          <code className={styles.command}>npx branch-scoring template lianghua-yichuang -o 评分表.xlsx</code>
          {t("unsupported.hintAfter")}
        </p>
      </MessageBarBody>
    </MessageBar>
  );
}

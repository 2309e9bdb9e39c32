import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { HostCapabilities, SpreadsheetHost } from "../../hosts/types";
import type { Scheme } from "../../rubric/types";
import { t } from "../../i18n";
import { describeHostError } from "../shared/host-errors";
import { useLanguage } from "../shared/useLanguage";
import { LanguageSwitch } from "./LanguageSwitch";
import { SummaryView } from "../views/summary/SummaryView";
import { TemplatesView } from "../views/templates/TemplatesView";
import { UnsupportedHost } from "./UnsupportedHost";
import { FeatureNotice } from "../views/self-test/FeatureNotice";
import { HelpMenu } from "../views/self-test/HelpMenu";
import { SelfTestView } from "../views/self-test/SelfTestView";

const useStyles = makeStyles({
  root: { minHeight: "100vh", padding: tokens.spacingHorizontalM, boxSizing: "border-box" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  body: { paddingBlock: tokens.spacingVerticalM },
  tools: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

export interface AppProps {
  host: SpreadsheetHost;
  schemes: Scheme[];
  dark?: boolean;
  /** the live 评分 tab (a controller rendering <ScoringView/>); the tab is shown only when provided */
  renderScoring?: (host: SpreadsheetHost) => ReactNode;
}

type Connection =
  | { state: "connecting" }
  | { state: "ready"; capabilities: HostCapabilities }
  | { state: "failed"; message: string };

type TabId = "templates" | "scoring" | "summary";

export function App({ host, schemes, dark = false, renderScoring }: AppProps) {
  const styles = useStyles();
  useLanguage();
  const [connection, setConnection] = useState<Connection>({ state: "connecting" });
  const [tab, setTab] = useState<TabId>("templates");
  const [selfTest, setSelfTest] = useState(false);

  useEffect(() => {
    let live = true;
    host.capabilities().then(
      (capabilities) => live && setConnection({ state: "ready", capabilities }),
      (error: unknown) => {
        const described = describeHostError(error);
        if (live) setConnection({ state: "failed", message: t(described.key, { detail: described.detail }) });
      },
    );
    return () => {
      live = false;
    };
  }, [host]);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{t("app.title")}</Title3>
        <div className={styles.tools}>
          <HelpMenu onSelfTest={() => setSelfTest(true)} />
          <LanguageSwitch />
        </div>
      </header>
      <main className={styles.body}>{renderBody()}</main>
    </FluentProvider>
  );

  function renderBody() {
    if (connection.state === "connecting") return <Spinner label={t("app.loading")} />;
    if (connection.state === "failed") {
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{connection.message}</MessageBarBody>
        </MessageBar>
      );
    }
    const selfTestView = selfTest && <SelfTestView host={host} onClose={() => setSelfTest(false)} />;
    if (!connection.capabilities.supported) return selfTestView || <UnsupportedHost excelApiMinor={connection.capabilities.excelApiMinor} />;
    const showScoring = renderScoring !== undefined;
    return (
      <>
        {selfTestView || (
          <>
            <FeatureNotice capabilities={connection.capabilities} />
            <TabList selectedValue={tab} onTabSelect={(_event, data) => setTab(data.value as TabId)}>
              <Tab value="templates">{t("tab.templates")}</Tab>
              {showScoring && <Tab value="scoring">{t("tab.scoring")}</Tab>}
              <Tab value="summary">{t("tab.summary")}</Tab>
            </TabList>
          </>
        )}
        <div className={styles.body}>
          {selfTest || tab === "summary" ? null : showScoring && tab === "scoring" ? renderScoring(host) : <TemplatesView host={host} schemes={schemes} />}
          {/* kept mounted while hidden: the picked files and their compile survive a look at another tab */}
          <div hidden={selfTest || tab !== "summary"}>
            <SummaryView host={host} />
          </div>
        </div>
      </>
    );
  }
}

/** The pane's 帮助 menu: the user guide (help.html) and the 自检. */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import { t } from "../../../i18n";

export function HelpMenu({ onSelfTest }: { onSelfTest: () => void }) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle">
          {t("help.menu")}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => window.open("help.html", "_blank")}>{t("help.guide")}</MenuItem>
          <MenuItem onClick={onSelfTest}>{t("help.selfTest")}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

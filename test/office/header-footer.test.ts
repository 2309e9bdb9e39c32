/** headerSections: Excel's "&L…&C…&R…" header codes split into the sections Office.js sets one by one. */
import { headerSections } from "../../src/hosts/office/header-footer";

test("splits the sections and keeps the codes inside them", () => {
  expect(headerSections("&L两化一创&C汇总&R2025年度")).toEqual({ left: "两化一创", center: "汇总", right: "2025年度" });
  expect(headerSections("&C第&P页 共&N页")).toEqual({ left: "", center: "第&P页 共&N页", right: "" });
});

test("text before any section is the centre's; && stays a literal ampersand, not a section", () => {
  expect(headerSections("第&P页")).toEqual({ left: "", center: "第&P页", right: "" });
  expect(headerSections("&LA&&C&RB")).toEqual({ left: "A&&C", center: "", right: "B" });
});

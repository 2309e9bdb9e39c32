import { planTemplate } from "../../src/sheet/planner";
import { syntheticScheme } from "../support/synthetic-scheme";
import { installDouble } from "./harness";
test("t", async () => {
  const h = installDouble();
  const plan = planTemplate(syntheticScheme(1000), { subject: "x" });
  const t = Date.now();
  await h.host.applyPlan(plan);
  console.log(Date.now() - t, h.excel.syncCount(), h.excel.syncPayloads());
  h.uninstall();
});

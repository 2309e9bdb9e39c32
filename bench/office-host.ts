/**
 * How applyPlan scales: syncs and request bytes for synthetic rubrics of 10, 100 and 1000 indicators, measured on the
 * Excel test double. Run: npm run build:cli && node dist-cli/bench/office-host.js
 */
import { createOfficeHost } from "../src/hosts/office/office-host";
import { planTemplate } from "../src/sheet/planner";
import { createExcelDouble } from "../test/support/excel-double";
import { syntheticScheme } from "../test/support/synthetic-scheme";

export interface OfficeHostFigure {
  indicators: number;
  syncs: number;
  /** all requests together */
  payloadBytes: number;
  largestRequestBytes: number;
  milliseconds: number;
}

export async function officeHostFigures(sizes: number[] = [10, 100, 1000]): Promise<OfficeHostFigure[]> {
  const figures: OfficeHostFigure[] = [];
  for (const indicators of sizes) {
    const excel = createExcelDouble();
    const uninstall = excel.install(globalThis);
    try {
      const plan = planTemplate(syntheticScheme(indicators), { subject: "基准测试党支部" });
      const started = Date.now();
      await createOfficeHost().applyPlan(plan);
      figures.push({
        indicators,
        syncs: excel.syncCount(),
        payloadBytes: excel.payloadBytes(),
        largestRequestBytes: Math.max(...excel.syncPayloads()),
        milliseconds: Date.now() - started,
      });
    } finally {
      uninstall();
    }
  }
  return figures;
}

if (require.main === module) {
  officeHostFigures().then(
    (figures) => console.table(figures),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}

/** What the 评分 view shows, and how a controller builds it from scoreWorkbook's TemplateScore (result and entries read). */
import type { Scheme } from "../../../rubric/types";
import type { SheetStatus } from "../../../scoring/status";
import type { ScoreResult, SubjectMeta } from "../../../scoring/types";
import type { TemplateScore } from "../../../sheet/score-workbook";
import { countProgress } from "./progress";
import type { SelfComparison } from "./self-comparison";
import type { Progress } from "./progress";

export interface ScoringViewState {
  /** the scoring sheet's name, where problem cells are selected */
  sheet: string;
  scheme: Scheme;
  meta: Partial<SubjectMeta>;
  result: ScoreResult;
  progress: Progress;
  /** 定稿: the sheet is locked and the result is final */
  finalized: boolean;
  /** blank, draft or final, and the errors: while blank or with errors the sheet shows no verdict, nor does the pane */
  status: SheetStatus;
  errors: number;
  /** a 考评 whose branch's 自评 is in the workbook too: the 自评 per indicator and the difference */
  self?: SelfComparison;
}

export function buildScoringViewState(score: TemplateScore, finalized: boolean): ScoringViewState {
  return {
    sheet: score.sheet,
    scheme: score.scheme,
    meta: score.meta,
    result: score.result,
    progress: countProgress(score.scheme, score.entries, score.meta),
    finalized,
    status: score.status,
    errors: score.errors,
  };
}

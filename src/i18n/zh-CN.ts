/**
 * The task pane's UI strings in Chinese, the default language. This object defines the set of keys:
 * en-US.ts must provide every one of them (a missing key is a compile error there).
 * Placeholders are written {name} and filled by t(key, { name }).
 */
export const zhCN = {
  "app.title": "支部考评助手",
  "app.loading": "正在连接 Excel…",
  "app.language": "界面语言",

  "tab.templates": "评分表",
  "tab.scoring": "评分",

  "unsupported.title": "当前 Excel 版本不支持本加载项",
  "unsupported.body":
    "本加载项需要 ExcelApi 1.7 或更高版本（Office 2019、Microsoft 365 或网页版 Excel）；当前版本仅支持 ExcelApi 1.{minor}。",
  "unsupported.noExcel": "未检测到 Excel：请在 Excel 中通过“开始”选项卡的“考评助手”按钮打开本任务窗格。",
  "unsupported.hint": "可改用 .xlsx 评分表模板和命令行：在装有 Node.js 的电脑上运行",
  "unsupported.hintAfter": "生成评分表，在 Excel、WPS 或 LibreOffice 中填写后，用 npx branch-scoring score 评分。",

  "templates.intro": "选择考评方案，填写表头信息，然后插入评分表。",
  "templates.subject.branch": "评价对象：党支部",
  "templates.subject.secretary": "评价对象：党支部书记",
  "templates.sections": "{count} 个一级指标，共 {points} 分",
  "templates.indicators": "{count} 个二级指标",
  "templates.vetoes": "{count} 项不得参评情形",
  "templates.defaultAllocation": "默认分值，可按本单位实际调整",
  "templates.official": "分值依据原文件",
  "templates.selected": "已选择",
  "templates.header": "表头信息",
  "templates.subjectName.branch": "支部名称",
  "templates.subjectName.secretary": "书记姓名",
  "templates.org": "所属党组织",
  "templates.period": "考核年度",
  "templates.rater": "评价方",
  "templates.evaluator": "评分人",
  "templates.optional": "可留空，插入后在表中填写",
  "templates.insert": "插入评分表",
  "templates.inserting": "正在插入评分表…",
  "templates.inserted": "已插入评分表“{sheet}”，并已切换到该工作表。",
  "templates.notices": "以下内容未能在当前 Excel 中应用：",
  "templates.periodInvalid": "考核年度应为四位年份，如 2025",

  "rater.self": "自评",
  "rater.mass": "测评",
  "rater.org": "考评",

  "scoring.empty": "切换到一张评分表，这里将显示实时得分和问题清单。",
  "scoring.total": "得分",
  "scoring.outOf": "满分 {max} 分",
  "scoring.band": "等次",
  "scoring.pass": "达标",
  "scoring.fail": "未达标",
  "scoring.vetoed": "不得参评",
  "scoring.vetoReasons": "不得参评情形：",
  "scoring.sections": "各一级指标得分",
  "scoring.sectionScore": "{score} / {points} 分",
  "scoring.progress": "填写进度",
  "scoring.progressRequired": "必填项已填 {filled} / {needed}",
  "scoring.progressRules": "已填评分项 {filled} / {total}",
  "scoring.problems": "问题清单",
  "scoring.noProblems": "未发现问题。",
  "scoring.problemCount": "严重 {errors} 项，警告 {warnings} 项",
  "scoring.severity.error": "严重",
  "scoring.severity.warning": "警告",
  "scoring.goToCell": "定位到单元格 {cell}",
  "scoring.noCell": "无对应单元格",
  "scoring.finalize": "定稿",
  "scoring.unfinalize": "解除定稿",
  "scoring.finalized": "已定稿：评分表已锁定，如需修改请先解除定稿。",
  "scoring.finalizeBlocked": "还有 {errors} 项严重问题，处理后才能定稿。",

  "error.cellEditMode": "Excel 正处于单元格编辑状态，请按 Enter 或 Esc 退出编辑后重试。",
  "error.generic": "操作未完成：{detail}",
  "error.retry": "重试",
} as const;

export type MessageKey = keyof typeof zhCN;

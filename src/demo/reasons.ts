/**
 * 扣分理由 and 佐证材料 an evaluator would write, by 两化一创 indicator; other schemes draw from the general lists.
 * Fictitious but typical of 组织部 inspection notes.
 */
import type { Random } from "./prng";

const LIANGHUA_REASONS: Record<string, readonly string[]> = {
  "1.1": ["支部党员人数超过50人，未按规定调整支部设置", "支部未按规定划分党小组，党小组长未明确", "支部设置未报上级党组织批复"],
  "1.2": ["支委会缺组织委员，未及时增补", "支部委员会任期届满未按期换届", "宣传委员长期空缺"],
  "1.3": ["教师党支部书记不是“双带头人”", "支部书记任职前未经上级党组织审批"],
  "2.1": ["年度工作计划未体现中心工作", "参与本单位重要事项决策讨论记录不全", "党建与业务工作“两张皮”"],
  "2.2": ["党员示范岗、责任区未落实", "党员亮身份活动开展不经常", "党员承诺践诺记录缺失"],
  "2.3": ["服务师生项目未形成台账", "志愿服务活动次数不足", "服务地方发展工作总结缺失"],
  "2.4": ["未指导工会、共青团开展工作", "群团组织活动记录不全"],
  "3.1": ["入党积极分子培养考察记录不全", "发展对象政治审查材料缺失", "预备党员转正讨论记录不规范", "发展党员公示材料未归档"],
  "3.2": ["年度学习计划未制定", "党员集中学习时间不足32学时", "学习笔记、心得体会材料不全"],
  "3.3": ["党员受党纪处分", "党员违反师德师风受到通报"],
  "3.4": ["未开展慰问困难党员工作", "“七一”表彰推荐工作未开展"],
  "4.1": ["支委会记录缺少3个月", "党课记录不全，全年仅开展2次", "党小组会召开不经常"],
  "4.2": ["组织生活会未开展批评与自我批评", "组织生活会整改清单未落实"],
  "4.3": ["民主评议党员结果未报上级党组织", "民主评议未进行党员自评"],
  "4.4": ["主题党日活动记录缺少影像资料", "主题党日活动未按月开展"],
  "4.5": ["党员领导干部未参加所在支部组织生活", "党员领导干部全年未讲党课"],
  "5.1": ["党建工作责任清单未制定", "支部书记述职材料缺失"],
  "5.4": ["无固定党员活动室", "党建工作经费使用台账不全"],
  "5.5": ["支部工作自查整改情况未报送", "上级督查发现问题整改不到位"],
};

const LIANGHUA_EVIDENCE: Record<string, readonly string[]> = {
  "1.1": ["党支部设置批复文件", "党小组划分名单"],
  "1.2": ["支委会成员名单及分工", "换届选举请示及批复"],
  "1.3": ["支部书记任职审批表", "“双带头人”认定材料"],
  "3.1": ["发展党员工作档案", "党员发展全程纪实表"],
  "3.2": ["年度学习计划", "学习签到表及记录"],
  "4.1": ["“三会一课”记录本", "会议签到表"],
  "4.4": ["主题党日活动记录", "活动照片"],
  "5.4": ["活动场所照片", "经费使用台账"],
};

const GENERAL_REASONS = ["相关记录不全", "工作台账未及时更新", "佐证材料缺失", "工作落实不到位，整改不及时", "制度执行不严格"];
const GENERAL_EVIDENCE = ["支部工作手册", "会议记录", "相关佐证材料", "检查记录"];

const AWARD_REASONS = [
  "获评校级“样板党支部”",
  "支部特色活动被省级媒体报道",
  "获评学校“先进基层党组织”",
  "“党建+业务”融合项目被上级党组织推广",
  "支部书记获评校级“优秀党务工作者”",
];

export function deductionReason(random: Random, schemeId: string, indicatorCode: string): string {
  const own = schemeId === "lianghua-yichuang" ? LIANGHUA_REASONS[indicatorCode] : undefined;
  return random.pick(own ?? GENERAL_REASONS);
}

export function evidenceFor(random: Random, schemeId: string, indicatorCode: string): string {
  const own = schemeId === "lianghua-yichuang" ? LIANGHUA_EVIDENCE[indicatorCode] : undefined;
  return random.pick(own ?? GENERAL_EVIDENCE);
}

export function awardReason(random: Random): string {
  return random.pick(AWARD_REASONS);
}

/**
 * 001 “基层党建提升年” 工作方案. The source sets five key tasks with quantitative duties and an overall evaluation
 * 好/较好/一般/差, but no points: the allocation is this product's default (rubrics.md), content quoted from
 * test/rubric/seeds/001_d396dc38dcbee272.txt.
 */
import type { RubricFile } from "../schema";

const flaw = (text: string, cap?: number) =>
  ({ kind: "range-each", min: 0.5, max: 1, unit: "项", text, ...(cap === undefined ? {} : { cap }) }) as const;

export const tishengNian: RubricFile = {
  id: "tisheng-nian",
  title: "“基层党建提升年”工作考评",
  shortTitle: "提升年",
  version: "2026.1",
  subject: "branch",
  source: "党委实施“基层党建提升年”工作方案",
  defaultAllocation: true,
  notes: [
    "默认分值，可按本单位实际调整：原文未给分值，五项重点任务各 20 分由本工具拟定。",
    "等次名称按原文“好、较好、一般、差”，分数线沿用默认：90 分以上好，80 分以上较好，70 分以上一般，其余为差。",
    "“三张清单”（项目清单、责任清单、考评清单）每缺 1 张扣 2 分。",
    "“院党委每半年至少听取1次汇报”按党支部全年汇报不少于 2 次计，每少 1 次扣 2 分。",
    "集中学习研讨每少 1 次扣 1 分；集中教育培训每少 4 学时扣 1 分；均以该指标分值为限。",
    "“组织活动每月不少于1次”按全年不少于 12 次计，每少 1 次扣 0.5 分。",
    "4.1 专职党务工作者比例、4.3 党务干部专题培训由院党委统一组织的，按全院情况填写；4.4 培训覆盖率按本支部书记、委员计，每低 20 个百分点扣 1 分。",
    "“四有”指“双联系一共建双推进”活动有工作方案、有结对共建协议、有活动记录、有脱贫攻坚效果，每缺 1 项扣 1 分。",
  ],
  max: 100,
  sections: [
    {
      code: "1",
      title: "强化党建责任落实",
      points: 20,
      indicators: [
        {
          code: "1.1",
          title: "“三张清单”",
          points: 6,
          content: [
            "制定各党支部党建工作项目清单，细化量化年度党建工作内容，让党建工作由“软任务”变成“硬指标”。",
            "制定各党支部党建工作责任清单，明晰院党委、党支部及其负责人的责任，健全层层负责、环环相扣、行之有效的党建工作责任制，强化各级党组织书记抓党建的主动意识、主业意识、主责意识。",
            "制定党建工作考评清单，细化考评内容，明确考评重点，健全量化考评体系。",
          ],
          evidence: "项目清单、责任清单、考评清单",
          rules: [{ kind: "fixed-each", amount: 2, unit: "项", text: "未制定党建工作项目清单、责任清单、考评清单的每项扣2分" }],
        },
        {
          code: "1.2",
          title: "党建工作情况汇报",
          points: 4,
          content: ["院党委每半年至少听取1次各党支部党的建设工作情况汇报，研究解决党的建设、人员配备、工作经费等重点难点问题。"],
          evidence: "汇报材料、会议记录",
          rules: [
            {
              kind: "count",
              measure: "全年向院党委汇报党建工作次数",
              required: 2,
              unit: "次",
              mode: "per-unit",
              amount: 2,
              text: "全年向院党委汇报党建工作少于2次的，每少1次扣2分",
            },
          ],
        },
        {
          code: "1.3",
          title: "联述联评联考",
          points: 5,
          content: ["开展联述联评联考，压实各级党员负责人的责任。"],
          evidence: "述职报告、评议考核材料",
          rules: [
            { kind: "fixed", amount: 3, text: "未参加联述联评联考的扣3分" },
            flaw("述职评议考核工作有疏漏的每项扣0.5-1分，最多扣2分", 2),
          ],
        },
        {
          code: "1.4",
          title: "“一岗双责”与考核结果运用",
          points: 5,
          content: [
            "完善院党委书记负总责、分管院领导分工负责、院党委推进落实、各党支部负责人“一岗双责”的党建工作格局。",
            "严格党建工作考核问责，对各级党组织书记履职情况作出“好、较好、一般、差”的总体评价，实行考核结果与年度考核和评先评优挂钩。",
          ],
          evidence: "相关佐证材料",
          rules: [flaw("工作有疏漏的每项扣0.5-1分")],
        },
      ],
    },
    {
      code: "2",
      title: "强化思想政治建设",
      points: 20,
      indicators: [
        {
          code: "2.1",
          title: "集中学习研讨",
          points: 5,
          content: ["认真落实年度院党委中心组及干部职工理论学习安排意见，每年开展集中学习研讨不少于8次。"],
          evidence: "学习研讨记录",
          rules: [
            {
              kind: "count",
              measure: "全年开展集中学习研讨次数",
              required: 8,
              unit: "次",
              mode: "per-unit",
              amount: 1,
              text: "全年集中学习研讨少于8次的，每少1次扣1分",
            },
          ],
        },
        {
          code: "2.2",
          title: "党员集中教育培训",
          points: 5,
          content: ["党员参加集中教育培训时间每年不少于32学时。"],
          evidence: "培训学时登记",
          rules: [
            {
              kind: "count",
              measure: "党员全年参加集中教育培训学时",
              required: 32,
              unit: "学时",
              mode: "per-unit",
              per: 4,
              amount: 1,
              text: "党员集中教育培训少于32学时的，每少4学时扣1分",
            },
          ],
        },
        {
          code: "2.3",
          title: "民主集中制与“三重一大”",
          points: 5,
          content: [
            "认真执行民主集中制，集体决策“三重一大”事项，坚决反对和防止独断专行或各自为政。",
            "畅通党员参与讨论党内事务的途径，拓宽党员表达意见的渠道，尊重党员主体地位，保障党员民主权利。",
          ],
          evidence: "会议记录、决策记录",
          rules: [flaw("工作有疏漏的每项扣0.5-1分")],
        },
        {
          code: "2.4",
          title: "谈心谈话与心理健康",
          points: 5,
          content: [
            "认真落实谈心谈话制度，注重收集、分析党员干部的思想动态，采取党员干部喜闻乐见的方式，把思想政治工作做深做细做实。",
            "认真开展“关爱干部职工心理健康行动”，积极开展心理健康教育培训，提高干部心理健康素养。",
            "健全党内激励关怀帮扶机制，帮助解决实际困难，让党员干部感受到组织的关心和温暖。",
          ],
          evidence: "谈心谈话记录、心理健康活动材料",
          rules: [flaw("工作有疏漏的每项扣0.5-1分")],
        },
      ],
    },
    {
      code: "3",
      title: "强化严肃的党内政治生活",
      points: 20,
      indicators: [
        {
          code: "3.1",
          title: "组织活动",
          points: 6,
          content: [
            "加强党支部规范化建设，把“两学一做”纳入党支部“三会一课”等基本制度，把“三会一课”与组织生活会、民主评议党员、党费日、支部主题党日、党员固定活动日、主题教育实践、上党课、专题研讨等活动有机结合起来，党支部开展组织活动每月不少于1次",
          ],
          evidence: "活动计划、活动记录",
          rules: [
            {
              kind: "count",
              measure: "全年开展组织活动次数",
              required: 12,
              unit: "次",
              mode: "per-unit",
              amount: 0.5,
              text: "全年组织活动少于12次的，每少1次扣0.5分",
            },
          ],
        },
        {
          code: "3.2",
          title: "主题党日",
          points: 3,
          content: ["其中主题党日活动全年不少于1次，做到年初有计划，活动有记录。"],
          evidence: "主题党日活动记录",
          rules: [
            {
              kind: "count",
              measure: "全年开展主题党日活动次数",
              required: 1,
              unit: "次",
              mode: "all-or-nothing",
              amount: 3,
              text: "全年未开展主题党日活动的扣3分",
            },
          ],
        },
        {
          code: "3.3",
          title: "民主（组织）生活会",
          points: 4,
          content: [
            "认真开好民主（组织）生活会，严肃开展批评和自我批评，严格程序、细化要求、确保质量。",
            "积极探索“互联网+党建”新模式，创新活动载体和方式，增强活动的实效性和吸引力。",
          ],
          evidence: "生活会方案、记录、整改清单",
          rules: [
            { kind: "fixed", amount: 2, text: "未召开民主（组织）生活会的扣2分" },
            flaw("生活会程序不严、质量不高的每项扣0.5-1分"),
          ],
        },
        {
          code: "3.4",
          title: "双重组织生活",
          points: 4,
          content: [
            "严格落实党员领导干部双重组织生活制度，把党员领导干部过双重组织生活、参加支部生活等情况列入民主（组织）生活会个人对照检查内容。",
          ],
          evidence: "双重组织生活登记",
          rules: [{ kind: "fixed-each", amount: 1, unit: "人", text: "党员领导干部未参加双重组织生活的每人扣1分" }],
        },
        {
          code: "3.5",
          title: "党员大会",
          points: 3,
          content: [
            "每年召开党员大会或党员代表会议至少1次，通报“三会一课”制度执行、党员领导干部参加双重组织生活和党费收缴使用管理等情况。",
          ],
          evidence: "党员大会记录",
          rules: [
            {
              kind: "count",
              measure: "全年召开党员大会或党员代表会议次数",
              required: 1,
              unit: "次",
              mode: "all-or-nothing",
              amount: 3,
              text: "全年未召开党员大会或党员代表会议的扣3分",
            },
          ],
        },
      ],
    },
    {
      code: "4",
      title: "强化党务干部队伍建设",
      points: 20,
      indicators: [
        {
          code: "4.1",
          title: "专职党务工作者配备",
          points: 5,
          content: ["坚持按照不低于机关工作人员总数的2%的比例配备院党委（纪委）办公室专职党务工作者，不断提高党务工作人员能力和水平。"],
          evidence: "人员配备文件",
          rules: [
            {
              kind: "count",
              measure: "专职党务工作者占机关工作人员总数的比例",
              required: 2,
              unit: "%",
              mode: "all-or-nothing",
              amount: 5,
              text: "专职党务工作者低于机关工作人员总数2%的扣5分",
            },
          ],
        },
        {
          code: "4.2",
          title: "交流轮岗",
          points: 5,
          content: ["逐步实行党务干部与业务干部正常交流和交叉任职机制，有计划、分步骤对党务干部进行轮岗。"],
          evidence: "交流轮岗计划",
          rules: [flaw("工作有疏漏的每项扣0.5-1分")],
        },
        {
          code: "4.3",
          title: "党务干部专题培训",
          points: 5,
          content: ["由院党委负责年内组织1-2期党务干部专题培训，同时积极组织参加省委省直机关工委与厅机关党委组织的各类培训"],
          evidence: "培训通知、签到表",
          rules: [
            {
              kind: "count",
              measure: "年内参加党务干部专题培训期数",
              required: 1,
              unit: "期",
              mode: "all-or-nothing",
              amount: 5,
              text: "年内未参加党务干部专题培训的扣5分",
            },
          ],
        },
        {
          code: "4.4",
          title: "书记培训覆盖",
          points: 5,
          content: ["认真落实基层党组织书记初任培训和集中轮训制度", "力争年内对党支部书记培训一遍。"],
          evidence: "培训记录",
          rules: [
            {
              kind: "count",
              measure: "党支部书记、委员年内参加培训的比例",
              required: 100,
              unit: "%",
              mode: "per-unit",
              per: 20,
              amount: 1,
              text: "培训覆盖率低于100%的，每低20个百分点扣1分",
            },
          ],
        },
      ],
    },
    {
      code: "5",
      title: "强化作风建设",
      points: 20,
      indicators: [
        {
          code: "5.1",
          title: "“双联系一共建双推进”活动“四有”",
          points: 4,
          content: [
            "扎实开展“转作风、抓落实、促跨越”学习实践，紧扣“放管服”改革，深化拓展“当先锋、走前头”活动。",
            "结合“挂包帮”“转走访”工作，认真开展“双联系一共建双推进”活动，做到有工作方案、有结对共建协议、有活动记录、有脱贫攻坚效果。",
          ],
          evidence: "工作方案、结对共建协议、活动记录",
          rules: [
            {
              kind: "count",
              measure: "“双联系一共建双推进”活动做到“四有”的项数",
              required: 4,
              unit: "项",
              mode: "per-unit",
              amount: 1,
              text: "“四有”每缺1项扣1分",
            },
          ],
        },
        {
          code: "5.2",
          title: "在职党员到社区报到",
          points: 4,
          content: ["积极推进“X先锋”志愿服务，做好在职党员到社区报到为群众服务工作。"],
          evidence: "社区报到登记",
          rules: [{ kind: "fixed-each", amount: 0.5, unit: "人", text: "在职党员未到社区报到的每人扣0.5分" }],
        },
        {
          code: "5.3",
          title: "纠正“四风”",
          points: 4,
          content: [
            "持之以恒纠正“四风”，紧盯“四风”问题新动向，严查严办顶风违纪、规避组织监督、隐形变异的“四风”问题，坚决防止“四风”问题反弹回潮",
            "抓好群众评议机关作风反馈问题的集中整改，集中整治“庸懒散”等不良风气，促使改进服务，提高效能，塑造良好形象，着力打造“有信念、有思路、有激情、有办法”的“X铁军”。",
          ],
          evidence: "相关佐证材料",
          rules: [flaw("工作有疏漏的每项扣0.5-1分")],
        },
        {
          code: "5.4",
          title: "作风纪律教育整顿",
          points: 4,
          content: ["年内再集中开展1次作风纪律教育整顿，推动形成纠正“四风”长效机制。"],
          evidence: "教育整顿方案、记录",
          rules: [
            {
              kind: "count",
              measure: "年内开展作风纪律教育整顿次数",
              required: 1,
              unit: "次",
              mode: "all-or-nothing",
              amount: 4,
              text: "年内未开展作风纪律教育整顿的扣4分",
            },
          ],
        },
        {
          code: "5.5",
          title: "党风廉政建设",
          points: 4,
          content: [
            "强化全面从严治党主体责任和监督责任，完善“三个责任制”检查考核办法，深化廉政风险防控机制，着力抓好党风廉政建设，营造风清气正的良好环境。",
          ],
          evidence: "相关佐证材料",
          rules: [flaw("工作有疏漏的每项扣0.5-1分")],
        },
      ],
    },
  ],
  bands: [
    { name: "好", min: 90 },
    { name: "较好", min: 80 },
    { name: "一般", min: 70 },
    { name: "差", min: 0 },
  ],
};

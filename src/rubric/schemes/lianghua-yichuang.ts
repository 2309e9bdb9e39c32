/**
 * 002 “两化一创” 党支部标准化规范化建设达标标准 — the only official point table. Transcribed from
 * test/rubric/seeds/002_473cea6eeca10bbc.txt: codes (with the source's gap 5.1, 5.4, 5.5), titles, points, the 三级指标
 * lines verbatim (only the PDF line breaks repaired), evidence hints and every deduction rule in source order.
 */
import { DEFAULT_WHAT } from "../defaults";
import type { RubricFile } from "../schema";

const flaw = { kind: "range-each", min: 0.5, max: 1, unit: "项" } as const;
const FLAW_TEXT = "工作有疏漏的每项扣0.5-1分";

export const lianghuaYichuang: RubricFile = {
  id: "lianghua-yichuang",
  title: "党支部标准化规范化建设达标标准（“两化一创”）",
  shortTitle: "两化一创",
  version: "2026.1",
  subject: "branch",
  source: "**职业学院党支部建设“两化一创”强基引领三年行动计划 · 附：党支部标准化规范化建设达标标准",
  defaultAllocation: false,
  notes: [
    "分值与扣分细则照录原文；编号沿用原文（原文支持保障下只有 5.1、5.4、5.5）。",
    "5.5 监督检查机制原文未列扣分细则，设一条酌情扣分规则，须填写扣分理由。",
    "6.1 党建特色原文未列计分细则，按加分计：0 至 20 分，须填写加分说明（被上级党组织表彰、被省内外媒体宣传报道）。",
    "同一二级指标下重复的考核要点只保留一次。",
    "2021 年原文另提“争创建1个国家级样板支部”，为争取目标，未列入年度目标。",
    "原文未规定达标线和等次。达标按基本项判定：一级指标 1–5 为基本项（满分 80 分），6 特色亮点为 0–20 分的加分项；若按“总分≥80分”，没有特色加分的满分支部恰在线上，任何 0.5 分扣分都会不达标，等于把加分项变成了必需项。故默认以基本项得分率 80%（1–5 合计≥64 分）为达标线，特色亮点只影响总分、等次和排名；可在自定义评分细则的 passLine 中修改。",
  ],
  passLine: { minTotal: 64, noVeto: true, sections: ["1", "2", "3", "4", "5"] },
  defaults: [
    {
      what: DEFAULT_WHAT.passLine,
      value: "一级指标 1–5（基本项，满分80）合计≥64分",
      reason: "原文未规定；总分≥80 会让无特色加分的满分支部恰在线上，故按基本项得分率 80% 判定",
    },
    { what: "5.5 监督检查机制", value: "酌情扣分，须写扣分理由", reason: "原文未列扣分细则" },
    { what: "6.1 党建特色", value: "加分 0–20 分，须写加分说明", reason: "原文未列计分细则" },
  ],
  max: 100,
  sections: [
    {
      code: "1",
      title: "组织设置",
      points: 10,
      indicators: [
        {
          code: "1.1",
          title: "党支部设置",
          points: 5,
          content: [
            "1.1.1正式党员3人以上的,经上级党组织批准,成立党支部。正式党员不足3人的,成立联合党支部。党支部党员人数一般不超过50人。",
            "1.1.2教工党支部,一般按系部、专业、教研室、部门等教学科研管理服务实体设置。学生党支部,一般按学科、专业或年级、班级设置。",
            "1.1.3党员人数较多或者党员工作地、居住地比较分散的党支部,应划分若干党小组。",
          ],
          evidence: "支部设置的相关请示、批复等材料",
          rules: [
            { kind: "range", min: 1, max: 2, text: "支部设置不符合规定扣1-2分" },
            { kind: "fixed", amount: 1, text: "党员人数不符合规定扣1分" },
            { kind: "range", min: 0.5, max: 1, text: "未按规定划分党小组扣0.5-1分" },
          ],
        },
        {
          code: "1.2",
          title: "支委会配置",
          points: 3,
          content: [
            "1.2.1有正式党员7人以上的党支部,设立党支部委员会。正式党员不足7人的党支部,设1名书记,必要时可以设1名副书记。",
            "1.2.2党支部书记、副书记、委员按照规定选举产生。确有必要时,上级党组织可以指派党支部书记和副书记。",
            "1.2.3党支部委员会每届任期3年,任期届满应按期换届。",
            "1.2.4支部书记负责抓好支委会自身建设,支委会成员按照职责分工开展工作,自觉接受上级党组织和党员、师生员工监督。",
          ],
          evidence: "相关请示、批复材料；选举过程材料；换届选举材料；会议记录",
          rules: [
            { kind: "fixed", amount: 2, text: "未按规定成立支委会扣2分" },
            { kind: "range", min: 1, max: 2, text: "主要支委成员配备不齐扣1-2分" },
            { kind: "fixed", amount: 2, text: "未按要求换届的扣2分" },
          ],
        },
        {
          code: "1.3",
          title: "党支部书记选用",
          points: 2,
          content: [
            "1.3.1党支部书记应当具备良好政治素质,热爱党的工作,具有一定的政策理论水平、组织协调能力和群众工作本领,敢于担当、乐于奉献,带头发挥先锋模范作用,在党员、群众中有较高威信。一般应当具有1年以上党龄。教工党支部书记应由教学、科研和管理骨干担任。其中教师党支部书记按“双带头人”要求选配。学生党支部书记由专兼职辅导员、党员教师或学生党员担任。",
          ],
          evidence: "相关佐证材料",
          rules: [
            { kind: "range", min: 1, max: 2, text: "支部书记不符合选任条件扣1-2分" },
            { kind: "fixed", amount: 2, text: "教师党支部书记不是“双带头人”的扣2分" },
          ],
        },
      ],
    },
    {
      code: "2",
      title: "推进中心工作",
      points: 15,
      indicators: [
        {
          code: "2.1",
          title: "发挥党支部战斗堡垒作用",
          points: 5,
          content: [
            "2.1.1强化政治引领和思想引导,及时学习宣传贯彻党的路线方针政策和上级决议,坚持用党的最新理论成果武装师生员工,加强师德师风建设和学生思想政治工作,组织引领师生员工听党话、跟党走,成为师生师生员工的主心骨。",
            "2.1.2落实立德树人根本任务,保证监督党的教育方针贯彻落实。坚持围绕中心、服务大局,团结带领师生员工完成好上级部署的各项工作任务。",
          ],
          evidence: "相关佐证材料",
          rules: [{ ...flaw, text: FLAW_TEXT }],
        },
        {
          code: "2.2",
          title: "发挥党员先锋模范作用",
          points: 4,
          content: [
            "2.2.1推动党员带头爱岗敬业,在本职岗位上发挥先锋模范作用;推动党员带头攻坚克难,在急难险重任务中发挥先锋模范作用",
            "2.2.2健全完善服务机制,搭建交流平台,丰富服务载体,为教职工教学科研管理工作、学生学习研究提供服务支持。",
          ],
          evidence: "相关佐证材料",
          rules: [{ ...flaw, text: FLAW_TEXT }],
        },
        {
          code: "2.3",
          title: "服务发展",
          points: 4,
          content: [
            "2.3.1做好党员联系服务师生员工工作,拓宽党员服务师生员工渠道,常态化了解师生员工困难诉求、倾听师生员工意见建议、帮助师生员工解决实际困难。",
            "2.3.2组织师生员工利用专业优势开展志愿服务等活动,提升服务水平。",
          ],
          evidence: "相关佐证材料",
          rules: [{ ...flaw, text: FLAW_TEXT }],
        },
        {
          // the PDF split this row: “群建(2分)” and “点任务。” landed inside the neighbouring cells
          code: "2.4",
          title: "党建带群建",
          points: 2,
          content: ["2.4.1关心支持群团工作,发挥好群团组织作用,组织带领群团组织积极推进中心工作和重点任务。"],
          evidence: "相关佐证材料",
          rules: [{ ...flaw, text: FLAW_TEXT }],
        },
      ],
    },
    {
      code: "3",
      title: "党员教育管理",
      points: 25,
      indicators: [
        {
          code: "3.1",
          title: "发展党员",
          points: 10,
          content: [
            "3.1.1坚持把政治标准放在首位,做好发展党员工作。教工党支部落实好“双培养”机制。发展党员落实好全程纪实制度。",
            "3.1.2院系党组织加强对党支部发展党员工作指导检查、审核审批、严格把关,确保发展党员工作质量。",
          ],
          evidence: "党员发展相关支撑材料",
          rules: [{ ...flaw, text: FLAW_TEXT }],
        },
        {
          code: "3.2",
          title: "党员教育",
          points: 10,
          content: [
            "3.2.1推进“两学一做”学习教育常态化制度化,贴近党员实际开展教育活动,组织党员参加集中学习培训。",
            "3.2.2发挥典型教育作用,拓宽教育阵地和渠道,提高党员教育的针对性和实效性。",
          ],
          evidence: "1.学习记录；2.过程材料；相关佐证材料",
          rules: [{ ...flaw, text: "其他工作有疏漏的每项扣0.5-1分" }],
        },
        {
          code: "3.3",
          title: "党员管理",
          points: 3,
          content: [
            "3.3.1加强纪律作风建设,落实党员管理制度,本年度支部无党员受党政纪律处分、无教师党员违反师德师风等行为。",
            "3.3.2做好党员纪实管理工作。如实记录党员参加学习教育、组织生活、发挥作用以及奖惩等情况。",
            "3.3.3做好党员党组织关系接转、流动党员管理、党费收缴等工作。",
          ],
          evidence: "查阅文件；1.会议记录；2.组织生活过程材料；3.党费收缴记录；相关佐证材料",
          rules: [
            {
              kind: "fixed-each",
              amount: 1,
              unit: "人次",
              text: "支部有党员受党纪政纪处分、违反师德师风等行为的每人次扣1分",
            },
          ],
        },
        {
          code: "3.4",
          title: "党内激励关怀",
          points: 2,
          content: [
            "3.4.1落实党支部工作情况通报、重大事项征求意见建议、有关事项公开公示等制度,听取党员对党支部工作的意见和建议,组织党员参与、监督党支部和本单位的重要工作,保障党员的知情权、参与权、选举权、监督权。",
            "3.4.2按照上级党组织部署,做好党内表彰工作。",
          ],
          evidence: "会议记录等相关支支撑材料；评先评优的相关材料",
          rules: [{ ...flaw, text: FLAW_TEXT }],
        },
      ],
    },
    {
      code: "4",
      title: "组织生活",
      points: 15,
      indicators: [
        {
          code: "4.1",
          title: "“三会一课”",
          points: 3,
          content: [
            "4.1.1正常开展“三会一课”,党小组会一般每月召开1次,支委员会一般每月召开1次,党员大会一般每季度召开一次,党课每学期不少于2次。",
          ],
          evidence: "相关佐证材料",
          rules: [{ ...flaw, text: "工作有缺失的每项扣0.5-1分" }],
        },
        {
          code: "4.2",
          title: "组织生活会",
          points: 2,
          content: ["4.2.1每年至少召开1次组织生活会,按上级党组织部署要求开好专题组织生活会。"],
          evidence: "相关记录及过程材料",
          rules: [
            { kind: "fixed", amount: 2, text: "未开展的扣2分" },
            { ...flaw, text: FLAW_TEXT },
          ],
        },
        {
          code: "4.3",
          title: "民主评议党员",
          points: 2,
          content: ["4.3.1每年开展1次民主评议党员工作。"],
          evidence: "相关记录及过程材料",
          rules: [
            { kind: "fixed", amount: 2, text: "未开展的扣2分" },
            { ...flaw, text: FLAW_TEXT },
          ],
        },
        {
          code: "4.4",
          title: "主题党日活动",
          points: 5,
          content: ["4.4.1每月固定1天为党员活动日。"],
          evidence: "相关记录及过程材料",
          rules: [
            { kind: "fixed", amount: 2, text: "未开展的扣2分" },
            { ...flaw, text: FLAW_TEXT },
          ],
        },
        {
          code: "4.5",
          title: "党员领导干部双重组织生活",
          points: 3,
          content: [
            "4.5.1党员领导干部要以普通党员身份参加所在党支部或党小组的组织生活,带头讲党课、开展谈心谈话和批评与自我批评。各级党组织书记每年至少讲1次党课。",
          ],
          evidence: "相关记录及过程材料",
          rules: [
            { kind: "fixed", amount: 1, text: "未参加双重组织生活的扣1分" },
            { kind: "fixed", amount: 1, text: "未讲党课的扣1分" },
            { ...flaw, text: "其他工作有疏漏的每项扣0.5-1分" },
          ],
        },
      ],
    },
    {
      code: "5",
      title: "支持保障",
      points: 15,
      indicators: [
        {
          code: "5.1",
          title: "工作责任机制",
          points: 5,
          content: [
            "5.1.1院系级党组织对所属党支部建设负有直接领导责任,有计划地组织开展党支部工作,推荐配好党支部书记及支委会成员,及时研究解决党支部建设中的困难和问题,指导党支部开展活动,加强党支部工作督促检查。",
          ],
          evidence: "会议记录及其过程材料",
          rules: [{ ...flaw, text: FLAW_TEXT }],
        },
        {
          code: "5.4",
          title: "工作保障机制",
          points: 6,
          content: [
            "5.4.1院系党组织为内设党支部开展活动提供必要场所和设备,设置党员活动室等,建立多种形式的党员教育实践基地,搭建网上党员教育管理服务平台。",
          ],
          evidence: "实地查看和佐证材料",
          rules: [{ kind: "fixed", amount: 2, text: "没固定活动场所的扣2分" }],
        },
        {
          code: "5.5",
          title: "监督检查机制",
          points: 4,
          content: [
            "5.5.1按照党建工作责任制有关要求,院系级党组织加强对党支部建设工作的督促检查。对党支部建设出现严重问题,党员、群众反映强烈的,应当按照规定严肃问责。",
          ],
          evidence: "相关记录及过程材料",
          rules: [{ kind: "discretionary", text: "酌情扣分（原文未列扣分细则）" }],
        },
      ],
    },
    {
      code: "6",
      title: "特色亮点",
      points: 20,
      indicators: [
        {
          code: "6.1",
          title: "党建特色",
          points: 20,
          content: [
            "6.1.1开展党的建设中形成的特色和亮点,产生较大影响,具有示范引领作用,被上级党组织表彰;",
            "6.1.2党建活动被省内外媒体宣传报道。",
          ],
          evidence: "相关佐证材料",
          rules: [{ kind: "award", cap: 20, text: "党建特色亮点加分，最高20分（原文未列计分细则）" }],
        },
      ],
    },
  ],
  vetoes: [],
  targets: [
    { year: 2019, passRate: 0.8, modelCounts: { 校级样板党支部: 2 } },
    { year: 2020, passRate: 1, modelShares: { 校级样板党支部: 0.1, 省级样板党支部: 0.05 } },
    { year: 2021, modelShares: { 校级样板党支部: 0.2, 省级样板党支部: 0.1 } },
  ],
  raters: ["self", "org"],
};

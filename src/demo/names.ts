/** Realistic names for the demo: 院系党组织, their 党支部, secretaries and evaluators (all fictitious). */
import type { Random } from "./prng";

export interface DemoOrg {
  /** 所属党组织 */
  name: string;
  /** the prefix of its branches' names, e.g. 机电工程学院 */
  unit: string;
  /** kinds of branch this unit has, e.g. 教工, 学生 */
  kinds: readonly string[];
}

export const DEMO_ORGS: readonly DemoOrg[] = [
  { name: "机电工程学院党委", unit: "机电工程学院", kinds: ["教工", "本科生", "研究生"] },
  { name: "化学化工学院党委", unit: "化学化工学院", kinds: ["教工", "本科生", "研究生"] },
  { name: "外国语学院党总支", unit: "外国语学院", kinds: ["教工", "学生"] },
  { name: "马克思主义学院党总支", unit: "马克思主义学院", kinds: ["教工", "研究生"] },
  { name: "信息科学与工程学院党委", unit: "信息科学与工程学院", kinds: ["教工", "本科生", "研究生"] },
  { name: "机关党委", unit: "机关", kinds: ["组织人事", "教务", "财务", "学生工作"] },
  { name: "后勤管理处党总支", unit: "后勤管理处", kinds: ["餐饮服务", "物业服务", "综合"] },
  { name: "图书馆党总支", unit: "图书馆", kinds: ["采编", "读者服务"] },
];

const ORDINALS = ["第一", "第二", "第三", "第四", "第五", "第六"];

/** 机电工程学院教工第一党支部, 机关组织人事党支部 … in a stable order, `count` of them. */
export function branchNames(count: number): { subject: string; org: string }[] {
  const branches: { subject: string; org: string }[] = [];
  for (let ordinal = 0; branches.length < count; ordinal++) {
    const before = branches.length;
    for (const org of DEMO_ORGS) {
      for (const kind of org.kinds) {
        if (branches.length >= count) break;
        // 机关 and 后勤 branches are named after their office; only the first needs no ordinal
        const numbered = ordinal < ORDINALS.length ? ORDINALS[ordinal] : `第${ordinal + 1}`;
        const subject = org.unit === "机关" || org.unit === "后勤管理处" || org.unit === "图书馆"
          ? `${org.unit}${kind}${ordinal === 0 ? "" : numbered}党支部`
          : `${org.unit}${kind}${numbered}党支部`;
        branches.push({ subject, org: org.name });
      }
    }
    if (branches.length === before) break;
  }
  return branches;
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const GIVEN = ["建国", "红梅", "志强", "晓燕", "海涛", "丽娟", "文博", "静", "磊", "芳", "伟", "敏", "婷", "军", "洋", "雪", "勇", "慧", "杰", "娜"];

export function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN);
}

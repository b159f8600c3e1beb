/**
 * The demo enterprise: 重庆渝江精密机械有限公司, a fictitious machinery and
 * metal-parts plant in 江津 双福工业园. Built through the real services (so
 * every validation and audit rule applies), deterministic, and dated relative
 * to "today" so certificate alerts are always live. Later modules extend it.
 */
import type { AppContext } from '../../context.ts';
import type { EmploymentType, PostCategory, UnitKind } from '../../../preload/contract/enums.ts';
import { creditCodeCheckChar } from '../../../preload/contract/validators.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { addDays, addYears } from '../../domain/dates.ts';
import { setupEnterprise } from '../app/service.ts';
import { getEnterprise, today as todayOf, updateEnterprise } from '../enterprise/service.ts';
import { createUnit, updateUnit, getUnit } from '../org/service.ts';
import { createPost } from '../posts/service.ts';
import { createPerson, leavePerson, setPersonPosts } from '../people/service.ts';
import { createCertificate, recordCertReview } from '../certificates/service.ts';
import { makeIdNumber, makeNamer, makePhone, prng } from './names.ts';
import { demoSignaturePng } from './signature.ts';
import { seedResponsibility } from './responsibility.ts';
import { seedRisk } from './risk.ts';
import { seedHazards } from './hazards.ts';
import { seedEmergencyAndTraining } from './emergency.ts';
import { seedStandards } from './standards.ts';
import { setBoardMembers } from '../board/service.ts';
import { commitmentOverview, createDraft, setPublicity, signOnScreen } from '../commitments/service.ts';
import { generateAgreements, listAgreements, signAgreement } from '../agreements/service.ts';

export const DEMO_ENTERPRISE_NAME = '重庆渝江精密机械有限公司';
const DISPATCH_AGENCY = '重庆众诚人力资源服务有限公司';
const FLEX_PLATFORM = '重庆快聘灵活用工服务平台';
const CONTRACTOR = '重庆恒力机电设备维修有限公司';
const SCHOOL = '重庆工业职业技术学院';

interface UnitSpec {
  key: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  phone?: string;
}

const UNITS: UnitSpec[] = [
  { key: 'safety', name: '安全环保部', kind: 'DEPARTMENT', parent: null, phone: '023-47661120' },
  { key: 'machining', name: '机加工车间', kind: 'WORKSHOP', parent: null, phone: '023-47661201' },
  { key: 'turning', name: '车削班', kind: 'TEAM', parent: 'machining' },
  { key: 'cnc', name: '数控班', kind: 'TEAM', parent: 'machining' },
  { key: 'grinding', name: '磨削班', kind: 'TEAM', parent: 'machining' },
  { key: 'heat', name: '热处理车间', kind: 'WORKSHOP', parent: null, phone: '023-47661202' },
  { key: 'heatTeam', name: '热处理班', kind: 'TEAM', parent: 'heat' },
  { key: 'surface', name: '表面处理班', kind: 'TEAM', parent: 'heat' },
  { key: 'assembly', name: '装配车间', kind: 'WORKSHOP', parent: null, phone: '023-47661203' },
  { key: 'assembly1', name: '装配一班', kind: 'TEAM', parent: 'assembly' },
  { key: 'assembly2', name: '装配二班', kind: 'TEAM', parent: 'assembly' },
  { key: 'equipment', name: '设备动力部', kind: 'DEPARTMENT', parent: null, phone: '023-47661130' },
  { key: 'electric', name: '电工班', kind: 'TEAM', parent: 'equipment' },
  { key: 'maintenance', name: '机修班', kind: 'TEAM', parent: 'equipment' },
  { key: 'logistics', name: '仓储物流部', kind: 'DEPARTMENT', parent: null, phone: '023-47661140' },
  { key: 'warehouse', name: '仓储班', kind: 'TEAM', parent: 'logistics' },
  { key: 'forklift', name: '叉车班', kind: 'TEAM', parent: 'logistics' },
];

type CertKind = 'SAFETY_QUALIFICATION' | 'ELECTRIC_LOW' | 'ELECTRIC_HIGH' | 'WELDING' | 'FORKLIFT' | 'CRANE' | 'SAFETY_ENGINEER' | 'TEAM_LEADER';

interface PostSpec {
  key: string;
  name: string;
  unit: string | null; // null = the company
  trade: string | null;
  category: PostCategory;
  special?: boolean;
  requires?: 'SPECIAL_EQUIPMENT';
  requiredCategory?: string;
  holders: number;
  /** Employment mix of the holders, in order; the rest are REGULAR. */
  mix?: EmploymentType[];
  certs?: CertKind[];
  notes?: string;
}

const POSTS: PostSpec[] = [
  { key: 'gm', name: '总经理', unit: null, trade: null, category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_QUALIFICATION'], notes: '主要负责人，全面负责本单位安全生产工作' },
  { key: 'deputy', name: '分管安全副总经理', unit: null, trade: null, category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_QUALIFICATION'] },
  { key: 'prodDeputy', name: '生产副总经理', unit: null, trade: null, category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_QUALIFICATION'] },
  { key: 'safetyHead', name: '安全环保部部长', unit: 'safety', trade: null, category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_QUALIFICATION', 'SAFETY_ENGINEER'] },
  { key: 'safetyOfficer', name: '专职安全管理员', unit: 'safety', trade: null, category: 'MANAGEMENT', holders: 2, certs: ['SAFETY_QUALIFICATION'] },
  { key: 'envOfficer', name: '环保管理员', unit: 'safety', trade: null, category: 'MANAGEMENT', holders: 0, notes: '2026 年新设岗位，待招聘' },
  { key: 'machiningHead', name: '车间主任', unit: 'machining', trade: null, category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_QUALIFICATION'] },
  { key: 'machiningSafety', name: '车间兼职安全员', unit: 'machining', trade: '车工', category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_ENGINEER'] },
  { key: 'turningLead', name: '班长', unit: 'turning', trade: '车工', category: 'FRONTLINE', holders: 1, certs: ['TEAM_LEADER'] },
  { key: 'turner', name: '车工', unit: 'turning', trade: '车工', category: 'FRONTLINE', holders: 14, mix: ['DISPATCHED', 'DISPATCHED', 'DISPATCHED'] },
  { key: 'cncLead', name: '班长', unit: 'cnc', trade: '数控车工', category: 'FRONTLINE', holders: 1, certs: ['TEAM_LEADER'] },
  { key: 'cnc', name: '数控车床操作工', unit: 'cnc', trade: '数控车工', category: 'FRONTLINE', holders: 16, mix: ['DISPATCHED', 'DISPATCHED'] },
  { key: 'grinder', name: '磨工', unit: 'grinding', trade: '磨工', category: 'FRONTLINE', holders: 10 },
  { key: 'heatHead', name: '车间主任', unit: 'heat', trade: null, category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_QUALIFICATION'] },
  { key: 'heatWorker', name: '热处理工', unit: 'heatTeam', trade: '热处理工', category: 'FRONTLINE', holders: 10, notes: '井式渗碳炉、箱式淬火炉、回火炉操作' },
  { key: 'heatLead', name: '班长', unit: 'heatTeam', trade: '热处理工', category: 'FRONTLINE', holders: 0, notes: '原班长调岗，暂缺' },
  { key: 'surfaceWorker', name: '表面处理工', unit: 'surface', trade: '涂装工', category: 'FRONTLINE', holders: 8, mix: ['FLEXIBLE', 'FLEXIBLE'], notes: '清洗、喷砂、喷涂作业，涉及有限空间（喷漆房地坑）' },
  { key: 'assemblyHead', name: '车间主任', unit: 'assembly', trade: null, category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_QUALIFICATION'] },
  { key: 'fitter1', name: '装配钳工', unit: 'assembly1', trade: '装配钳工', category: 'FRONTLINE', holders: 14, certs: [] },
  { key: 'fitter2', name: '装配钳工', unit: 'assembly2', trade: '装配钳工', category: 'FRONTLINE', holders: 12, mix: ['DISPATCHED', 'DISPATCHED', 'DISPATCHED', 'DISPATCHED', 'INTERN', 'INTERN'] },
  { key: 'crane', name: '桥式起重机司机', unit: 'assembly', trade: '起重机司机', category: 'FRONTLINE', requires: 'SPECIAL_EQUIPMENT', requiredCategory: '桥式起重机司机', holders: 4, certs: ['CRANE'] },
  { key: 'inspector', name: '质检员', unit: 'assembly', trade: '质检员', category: 'FRONTLINE', holders: 4 },
  { key: 'equipmentHead', name: '部长', unit: 'equipment', trade: null, category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_QUALIFICATION'] },
  { key: 'electrician', name: '维修电工', unit: 'electric', trade: '电工', category: 'FRONTLINE', special: true, requiredCategory: '电工作业', holders: 6, certs: ['ELECTRIC_LOW'] },
  { key: 'welder', name: '电焊工', unit: 'maintenance', trade: '焊工', category: 'FRONTLINE', special: true, requiredCategory: '焊接与热切割作业', holders: 4, certs: ['WELDING'] },
  { key: 'mechanic', name: '机修钳工', unit: 'maintenance', trade: '机修钳工', category: 'FRONTLINE', holders: 6 },
  { key: 'contractMaint', name: '外包设备维保', unit: 'maintenance', trade: '设备维修', category: 'FRONTLINE', holders: 2, mix: ['CONTRACTOR', 'CONTRACTOR'], notes: `相关方：${CONTRACTOR}，按年度维保协议入厂作业` },
  { key: 'logisticsHead', name: '部长', unit: 'logistics', trade: null, category: 'MANAGEMENT', holders: 1, certs: ['SAFETY_QUALIFICATION'] },
  { key: 'keeper', name: '仓管员', unit: 'warehouse', trade: '仓库保管员', category: 'FRONTLINE', holders: 5 },
  { key: 'loader', name: '装卸工', unit: 'warehouse', trade: '装卸搬运工', category: 'FRONTLINE', holders: 10, mix: ['DISPATCHED', 'DISPATCHED', 'DISPATCHED', 'DISPATCHED', 'DISPATCHED', 'DISPATCHED', 'FLEXIBLE', 'FLEXIBLE', 'FLEXIBLE', 'FLEXIBLE'] },
  { key: 'forkliftDriver', name: '叉车司机', unit: 'forklift', trade: '叉车司机', category: 'FRONTLINE', requires: 'SPECIAL_EQUIPMENT', requiredCategory: '叉车司机', holders: 6, certs: ['FORKLIFT'] },
];

const CERT_TYPE_CODE: Record<CertKind, string> = {
  SAFETY_QUALIFICATION: 'SAFETY_QUALIFICATION',
  ELECTRIC_LOW: 'SPECIAL_OPERATION',
  ELECTRIC_HIGH: 'SPECIAL_OPERATION',
  WELDING: 'SPECIAL_OPERATION',
  FORKLIFT: 'SPECIAL_EQUIPMENT',
  CRANE: 'SPECIAL_EQUIPMENT',
  SAFETY_ENGINEER: 'OTHER',
  TEAM_LEADER: 'OTHER',
};

const CERT_CATEGORY: Record<CertKind, string | null> = {
  SAFETY_QUALIFICATION: '工贸行业',
  ELECTRIC_LOW: '电工作业-低压电工作业',
  ELECTRIC_HIGH: '电工作业-高压电工作业',
  WELDING: '焊接与热切割作业-熔化焊接与热切割作业',
  FORKLIFT: '叉车司机（N1）',
  CRANE: '桥式起重机司机（Q2）',
  SAFETY_ENGINEER: '注册安全工程师（其他安全）',
  TEAM_LEADER: '班组长安全培训合格证',
};

const CERT_ISSUER: Record<CertKind, string> = {
  SAFETY_QUALIFICATION: '重庆市应急管理局',
  ELECTRIC_LOW: '重庆市应急管理局',
  ELECTRIC_HIGH: '重庆市应急管理局',
  WELDING: '重庆市应急管理局',
  FORKLIFT: '重庆市市场监督管理局',
  CRANE: '重庆市市场监督管理局',
  SAFETY_ENGINEER: '应急管理部',
  TEAM_LEADER: '重庆市江津区应急管理局',
};

function creditCode(): string {
  const first17 = '91500116MA5UXK8Y0'.slice(0, 17);
  return first17 + creditCodeCheckChar(first17)!;
}

/**
 * Certificate timing, in days relative to today for the due date, chosen so the
 * demo always shows every state: expired, review overdue, due in 30/60/90 days, valid.
 */
type Timing = { kind: 'valid' } | { kind: 'reviewDueIn'; days: number } | { kind: 'expiresIn'; days: number } | { kind: 'missing' };

/** Per post key: timing of each holder's certificate (by holder index); unlisted holders get a plainly valid one. */
const CERT_TIMING: Record<string, Record<number, Timing>> = {
  safetyOfficer: { 1: { kind: 'expiresIn', days: 45 } },
  electrician: { 2: { kind: 'expiresIn', days: -58 }, 4: { kind: 'reviewDueIn', days: 24 } },
  welder: { 1: { kind: 'reviewDueIn', days: 52 }, 3: { kind: 'missing' } },
  forkliftDriver: { 0: { kind: 'expiresIn', days: 80 }, 5: { kind: 'expiresIn', days: -12 } },
  crane: { 2: { kind: 'expiresIn', days: 150 } },
  gm: { 0: { kind: 'expiresIn', days: 300 } },
};

export function seedDemo(app: AppContext, operatorName = '赵敏'): void {
  inTransaction(app.db, () => {
    if (app.db.prepare('SELECT 1 FROM enterprise').get()) {
      fail.rule('已经建立了企业档案，不能再载入演示数据；请在新的数据目录中载入演示企业');
    }
    const rand = prng(20260115);
    const name = makeNamer(rand, ['陈国栋', '刘建华', '黄志勇', operatorName]);
    setupEnterprise(
      app,
      {
        name: DEMO_ENTERPRISE_NAME,
        creditCode: creditCode(),
        industry: 'INDUSTRY_TRADE',
        industrySector: 'MACHINERY',
        address: '重庆市江津区双福街道福星大道 88 号（双福工业园 C 区）',
        legalRepresentative: '陈国栋',
        principalPersonId: null,
        safetyDeputyPersonId: null,
        safetyDeptUnitId: null,
        regulatorName: '重庆市江津区应急管理局',
        regulatorPhone: '023-47521234',
        gridMemberName: '周晓琳（双福街道安全生产网格员）',
        gridMemberPhone: '13983001234',
        dutyPhone: '023-47661000',
        internalReportPhone: '023-47661119',
        reportHotline: '12350',
      },
      { name: operatorName, title: '专职安全管理员' },
      true,
    );
    const realToday = todayOf(app);

    // Organisation.
    const company = getUnit(app, (app.db.prepare(`SELECT id FROM unit WHERE kind = 'COMPANY'`).get() as { id: string }).id);
    const unitId = new Map<string | null, string>([[null, company.id]]);
    UNITS.forEach((u, i) => {
      const created = createUnit(app, { name: u.name, kind: u.kind, parentId: unitId.get(u.parent)!, headPersonId: null, phone: u.phone ?? null, sortOrder: i + 1, notes: null });
      unitId.set(u.key, created.id);
    });

    const certTypeId = (code: string) => (app.db.prepare('SELECT id FROM cert_type WHERE code = ?').get(code) as { id: string }).id;

    // Posts.
    const postId = new Map<string, string>();
    for (const p of POSTS) {
      const created = createPost(app, {
        name: p.name,
        unitId: unitId.get(p.unit)!,
        trade: p.trade,
        category: p.category,
        isSpecialOperation: p.special ?? false,
        requiredCertTypeId: p.requires ? certTypeId(p.requires) : null,
        requiredCertCategory: p.requiredCategory ?? null,
        notes: p.notes ?? null,
      });
      postId.set(p.key, created.id);
    }

    // People, post by post. Staff numbers YJ0001…; dispatched and flexible workers get their own series.
    let regularNo = 0;
    let otherNo = 0;
    const holdersOf = new Map<string, string[]>();
    const fixedNames: Record<string, string> = { gm: '陈国栋', deputy: '刘建华', safetyHead: '黄志勇' };
    for (const p of POSTS) {
      const ids: string[] = [];
      for (let i = 0; i < p.holders; i++) {
        const employmentType: EmploymentType = p.mix?.[i] ?? 'REGULAR';
        const gender: 'M' | 'F' = ['surfaceWorker', 'inspector', 'keeper', 'safetyOfficer'].includes(p.key) && rand() < 0.5 ? 'F' : rand() < 0.12 ? 'F' : 'M';
        const personName = i === 0 && fixedNames[p.key] ? fixedNames[p.key]! : i === 0 && p.key === 'safetyOfficer' ? operatorName : name(gender);
        const age = employmentType === 'INTERN' ? 19 + Math.floor(rand() * 3) : p.category === 'MANAGEMENT' ? 34 + Math.floor(rand() * 20) : 22 + Math.floor(rand() * 33);
        const birth = addDays(addYears(realToday, -age), -Math.floor(rand() * 360));
        const senior = p.category === 'MANAGEMENT' || i === 0 && p.name === '班长';
        const yearsIn = employmentType === 'INTERN' || employmentType === 'FLEXIBLE' ? 0 : Math.min(age - 19, senior ? 6 + Math.floor(rand() * 12) : Math.floor(rand() * 15));
        const hireDate = employmentType === 'INTERN' ? addDays(realToday, -100 - Math.floor(rand() * 20)) : addDays(addYears(realToday, -yearsIn), -30 - Math.floor(rand() * 300));
        const regular = employmentType === 'REGULAR' || employmentType === 'INTERN';
        const staffNo = regular ? `YJ${String(++regularNo).padStart(4, '0')}` : `${employmentType === 'DISPATCHED' ? 'PQ' : employmentType === 'FLEXIBLE' ? 'LH' : 'WB'}${String(++otherNo).padStart(3, '0')}`;
        const person = createPerson(
          app,
          {
            name: personName,
            staffNo,
            unitId: unitId.get(p.unit)!,
            employmentType,
            employerName: employmentType === 'DISPATCHED' ? DISPATCH_AGENCY : employmentType === 'FLEXIBLE' ? FLEX_PLATFORM : employmentType === 'CONTRACTOR' ? CONTRACTOR : employmentType === 'INTERN' ? SCHOOL : null,
            gender: personName === '赵敏' ? 'F' : gender,
            jobTitle: p.category === 'MANAGEMENT' ? p.name : i === 0 && p.name === '班长' ? '班长' : null,
            phone: makePhone(rand),
            hireDate,
            idNumber: makeIdNumber(rand, birth, personName === '赵敏' ? 'F' : gender),
            notes: employmentType === 'INTERN' ? `${SCHOOL}顶岗实习，实习期 6 个月` : null,
          },
          [postId.get(p.key)!],
        );
        ids.push(person.id);
      }
      holdersOf.set(p.key, ids);
    }

    // Heads of units and the enterprise's responsible persons.
    const head = (key: string) => holdersOf.get(key)?.[0] ?? null;
    const heads: Record<string, string | null> = {
      safety: head('safetyHead'),
      machining: head('machiningHead'),
      turning: head('turningLead'),
      cnc: head('cncLead'),
      grinding: holdersOf.get('grinder')?.[0] ?? null,
      heat: head('heatHead'),
      heatTeam: holdersOf.get('heatWorker')?.[0] ?? null,
      surface: holdersOf.get('surfaceWorker')?.[2] ?? null,
      assembly: head('assemblyHead'),
      assembly1: holdersOf.get('fitter1')?.[0] ?? null,
      assembly2: holdersOf.get('fitter2')?.[6] ?? null,
      equipment: head('equipmentHead'),
      electric: holdersOf.get('electrician')?.[0] ?? null,
      maintenance: holdersOf.get('mechanic')?.[0] ?? null,
      logistics: head('logisticsHead'),
      warehouse: holdersOf.get('keeper')?.[0] ?? null,
      forklift: holdersOf.get('forkliftDriver')?.[1] ?? null,
    };
    for (const u of UNITS) {
      const current = getUnit(app, unitId.get(u.key)!);
      updateUnit(app, current.id, { name: current.name, kind: current.kind, parentId: current.parentId, headPersonId: heads[u.key] ?? null, phone: current.phone, sortOrder: current.sortOrder, notes: current.notes });
    }
    updateUnit(app, company.id, { name: company.name, kind: 'COMPANY', parentId: null, headPersonId: head('gm'), phone: company.phone, sortOrder: 0, notes: null });
    const ent = getEnterprise(app);
    updateEnterprise(app, { ...ent, principalPersonId: head('gm'), safetyDeputyPersonId: head('deputy'), safetyDeptUnitId: unitId.get('safety')! });

    // Certificates.
    let certSerial = 0;
    for (const p of POSTS) {
      for (const kind of p.certs ?? []) {
        (holdersOf.get(p.key) ?? []).forEach((personId, i) => {
          if (kind === 'TEAM_LEADER' || kind === 'SAFETY_ENGINEER') {
            if (i > 0) return;
          }
          const timing: Timing = (kind === CERT_KIND_WITH_TIMING[p.key] ? CERT_TIMING[p.key]?.[i] : undefined) ?? { kind: 'valid' };
          if (timing.kind === 'missing') return;
          const typeCode = CERT_TYPE_CODE[kind];
          const rule = app.db.prepare('SELECT validityYears, reviewIntervalYears FROM cert_type WHERE code = ?').get(typeCode) as { validityYears: number | null; reviewIntervalYears: number | null };
          let issueDate: string;
          let lastReviewDate: string | null = null;
          if (timing.kind === 'expiresIn' && rule.validityYears) {
            issueDate = addYears(addDays(realToday, timing.days), -rule.validityYears);
            if (rule.reviewIntervalYears) lastReviewDate = addYears(issueDate, rule.reviewIntervalYears);
          } else if (timing.kind === 'reviewDueIn' && rule.reviewIntervalYears) {
            issueDate = addYears(addDays(realToday, timing.days), -rule.reviewIntervalYears);
          } else {
            // Valid: issued 1–2 years ago, reviews up to date.
            issueDate = addDays(realToday, -400 - Math.floor(rand() * 300));
          }
          certSerial += 1;
          const cert = createCertificate(app, {
            personId,
            certTypeId: certTypeId(typeCode),
            category: CERT_CATEGORY[kind],
            number: certNumber(kind, certSerial, rand),
            issuer: CERT_ISSUER[kind],
            issueDate,
            expiryDate: null,
            lastReviewDate: null,
            notes: null,
          });
          if (lastReviewDate) recordCertReview(app, cert.id, lastReviewDate, 'PASSED', '按期复审合格');
        });
      }
    }
    // Two electricians also hold the high-voltage certificate.
    for (const personId of (holdersOf.get('electrician') ?? []).slice(0, 2)) {
      certSerial += 1;
      createCertificate(app, {
        personId,
        certTypeId: certTypeId('SPECIAL_OPERATION'),
        category: CERT_CATEGORY.ELECTRIC_HIGH,
        number: certNumber('ELECTRIC_HIGH', certSerial, rand),
        issuer: CERT_ISSUER.ELECTRIC_HIGH,
        issueDate: addDays(realToday, -700),
        expiryDate: null,
        lastReviewDate: null,
        notes: null,
      });
    }
    // Two warehouse keepers are back-up forklift drivers; one mechanic holds a welding certificate.
    for (const personId of (holdersOf.get('keeper') ?? []).slice(1, 3)) {
      certSerial += 1;
      createCertificate(app, { personId, certTypeId: certTypeId('SPECIAL_EQUIPMENT'), category: CERT_CATEGORY.FORKLIFT, number: certNumber('FORKLIFT', certSerial, rand), issuer: CERT_ISSUER.FORKLIFT, issueDate: addDays(realToday, -500), expiryDate: null, lastReviewDate: null, notes: '备用叉车司机' });
    }
    for (const personId of (holdersOf.get('mechanic') ?? []).slice(0, 1)) {
      certSerial += 1;
      createCertificate(app, { personId, certTypeId: certTypeId('SPECIAL_OPERATION'), category: CERT_CATEGORY.WELDING, number: certNumber('WELDING', certSerial, rand), issuer: CERT_ISSUER.WELDING, issueDate: addDays(realToday, -900), expiryDate: null, lastReviewDate: null, notes: null });
    }

    // History: people who left, one who changed post, and two new hires not yet assigned.
    const leavers: [string, number, string][] = [
      ['turner', 13, '个人原因辞职'],
      ['cnc', 15, '合同期满不再续签'],
      ['loader', 9, '灵活用工任务结束'],
      ['surfaceWorker', 7, '个人原因辞职'],
      ['grinder', 9, '退休'],
    ];
    for (const [key, index, reason] of leavers) {
      const personId = holdersOf.get(key)?.[index];
      // Every demo hire date is at least 30 days back, so these leave dates always follow it.
      if (personId) leavePerson(app, personId, addDays(realToday, -10 - index), reason);
    }
    // The certified mechanic also took on the welder post.
    const mover = holdersOf.get('mechanic')?.[0];
    if (mover) {
      const hire = (app.db.prepare('SELECT hireDate FROM person WHERE id = ?').get(mover) as { hireDate: string }).hireDate;
      const from = addDays(realToday, -60) > hire ? addDays(realToday, -60) : addDays(hire, 1);
      setPersonPosts(app, mover, [postId.get('welder')!, postId.get('mechanic')!], from);
    }
    for (let i = 0; i < 2; i++) {
      createPerson(
        app,
        {
          name: name('M'),
          staffNo: `YJ${String(++regularNo).padStart(4, '0')}`,
          unitId: unitId.get('machining')!,
          employmentType: 'REGULAR',
          employerName: null,
          gender: 'M',
          jobTitle: null,
          phone: makePhone(rand),
          hireDate: addDays(realToday, -3 - i),
          idNumber: makeIdNumber(rand, addYears(realToday, -23 - i), 'M'),
          notes: '新入职，三级安全教育完成后分配岗位',
        },
        [],
      );
    }

    seedPrintCentre(app, realToday, holdersOf);
    seedRisk(app, realToday, unitId, '陈国栋');
    seedResponsibility(app, realToday, postId, holdersOf);
    seedHazards(app, realToday, unitId, holdersOf);
    seedEmergencyAndTraining(app, realToday, unitId, postId, holdersOf);
    seedStandards(app, realToday, unitId, holdersOf);
  });
}

/** Board members, signed commitment letters for last year and this year, and this year's target agreements, partly signed. */
function seedPrintCentre(app: AppContext, today: string, holdersOf: Map<string, string[]>): void {
  const prod = holdersOf.get('prodDeputy')?.[0];
  if (prod) setBoardMembers(app, [{ personId: prod, role: '分管生产副总经理' }]);
  const year = Number(today.slice(0, 4));
  const earliest = (d: string) => (d < today ? d : today);
  const principal = app.db.prepare('SELECT p.name FROM enterprise e JOIN person p ON p.id = e.principalPersonId').get() as { name: string };
  const sig = (name: string) => demoSignaturePng(name).toString('base64');
  for (const y of [year - 1, year]) {
    const o = commitmentOverview(app, y);
    const letter = createDraft(app, y, { title: o.defaultTitle, recipient: o.defaultRecipient, content: o.defaultContent });
    const signedOn = earliest(`${y}-01-08`);
    signOnScreen(app, letter.id, sig(principal.name), signedOn);
    setPublicity(app, letter.id, {
      postedOn: earliest(addDays(signedOn, 2)),
      postedWhere: '厂区大门安全生产公示栏、各车间宣传栏',
      reportedOn: earliest(addDays(signedOn, 5)),
      reportedTo: '重庆市江津区应急管理局',
      notes: y === year ? '已在全员安全生产大会上宣读' : null,
    });
  }
  generateAgreements(app, year, ['COMPANY_UNIT', 'UNIT_TEAM', 'TEAM_WORKER']);
  const all = listAgreements(app, { year, unitId: null, search: null, page: 1, pageSize: 500 }).items;
  all.forEach((a, i) => {
    const signedOn = earliest(`${year}-01-${String(10 + (i % 18)).padStart(2, '0')}`);
    const signB = a.level !== 'TEAM_WORKER' ? i % 7 !== 3 : i % 10 < 6;
    const signA = signB && (a.level !== 'TEAM_WORKER' || i % 10 < 5);
    if (signB) signAgreement(app, a.id, 'B', sig(a.partyBName), signedOn);
    if (signA) signAgreement(app, a.id, 'A', sig(a.partyAPerson ?? a.partyAName), signedOn);
  });
}

/** Which certificate kind on a post the CERT_TIMING table speaks about. */
const CERT_KIND_WITH_TIMING: Record<string, CertKind> = {
  safetyOfficer: 'SAFETY_QUALIFICATION',
  electrician: 'ELECTRIC_LOW',
  welder: 'WELDING',
  forkliftDriver: 'FORKLIFT',
  crane: 'CRANE',
  gm: 'SAFETY_QUALIFICATION',
};

function certNumber(kind: CertKind, serial: number, rand: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  switch (kind) {
    case 'ELECTRIC_LOW':
    case 'ELECTRIC_HIGH':
    case 'WELDING':
      return `T5001${digits(9)}${String(serial).padStart(4, '0')}`;
    case 'FORKLIFT':
    case 'CRANE':
      return `TS渝${digits(6)}${String(serial).padStart(3, '0')}`;
    case 'SAFETY_QUALIFICATION':
      return `渝安考字${digits(8)}${String(serial).padStart(2, '0')}`;
    default:
      return `YJ-${kind === 'SAFETY_ENGINEER' ? 'ZA' : 'BZ'}-${digits(6)}${serial}`;
  }
}

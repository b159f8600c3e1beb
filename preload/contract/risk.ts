import { z } from 'zod';
import { mutation, query } from './define.ts';
import { date, id, input, none, oneOf, optDate, optId, optText, pageOf, paging, text } from './fields.ts';
import { ACCIDENT_TYPES, ControlLevel, HazardCategory, MeasureCategory, RiskKind, RiskLevel } from './enums.ts';

// ---- Scoring profiles (data, editable) ----

const ValueRow = z.strictObject({
  value: z.number({ error: '取值应为数字' }).positive('取值应大于 0'),
  label: text('取值说明', 60),
});

const Band = z.strictObject({
  /** The band applies from this score (inclusive or not, by the profile's boundary rule). */
  min: z.number({ error: '分级下限应为数字' }).min(0, '分级下限不能为负数'),
  level: z.enum(RiskLevel.values, { error: '请选择风险等级' }),
  label: optText('分级说明', 60),
});

export const BoundaryRule = z.enum(['LOWER_INCLUSIVE', 'UPPER_INCLUSIVE'], { error: '请选择边界取值规则' });
export const BOUNDARY_LABEL: Record<z.infer<typeof BoundaryRule>, string> = {
  LOWER_INCLUSIVE: '等于下限时归入该级（如 D = 70 为一般风险）',
  UPPER_INCLUSIVE: '等于下限时归入下一级（如 D = 70 为低风险）',
};

const table = (label: string) => z.array(ValueRow).min(2, `${label}至少要有两个取值`).max(10, `${label}最多 10 个取值`);
const bands = z.array(Band).min(2, '至少要有两个分级').max(8, '最多 8 个分级');

export const LecConfig = z.strictObject({ L: table('L（可能性）'), E: table('E（暴露频繁程度）'), C: table('C（后果）'), bands, boundary: BoundaryRule });
export const LsConfig = z.strictObject({ L: table('L（可能性）'), S: table('S（严重性）'), bands, boundary: BoundaryRule });
export type LecConfig = z.infer<typeof LecConfig>;
export type LsConfig = z.infer<typeof LsConfig>;

export const RiskProfile = z.object({
  id: z.string(),
  name: z.string(),
  method: z.enum(['LEC', 'LS']),
  config: z.union([LecConfig, LsConfig]),
  version: z.number().int(),
  isDefault: z.boolean(),
  usedBy: z.number().int(),
  updatedAtMs: z.number(),
});
export type RiskProfile = z.infer<typeof RiskProfile>;

// ---- The register ----

export const HazardInput = input({
  description: text('危险有害因素', 200),
  category: oneOf('因素类别', HazardCategory.values),
  accidentTypes: z.array(z.enum(ACCIDENT_TYPES, { error: '请选择 GB 6441 规定的事故类型' })).min(1, '请至少选择一种可能导致的事故类型').max(6),
});

export const MeasureInput = input({
  /** Kept when a measure is edited, so check items that verify it stay linked. */
  id: optId('管控措施'),
  category: oneOf('措施类别', MeasureCategory.values),
  content: text('管控措施', 300),
});

export const RiskInput = {
  code: optText('风险点编号', 30),
  name: text('风险点名称', 60),
  kind: oneOf('风险点类型', RiskKind.values),
  location: optText('位置', 100),
  unitId: id('所属单位'),
  postIds: z.array(id('岗位')).max(50).optional().default([]),
  controlLevel: oneOf('管控层级', ControlLevel.values),
  respUnitId: optId('责任单位'),
  respPersonId: optId('责任人'),
  identifiedOn: date('辨识日期'),
  nextReviewOn: optDate('下次评审日期'),
  notes: optText('备注', 500),
  hazards: z.array(HazardInput).min(1, '请至少填写一项危险有害因素').max(30),
  measures: z.array(MeasureInput).max(60).optional().default([]),
};

export const Hazard = z.object({ id: z.string(), seq: z.number().int(), description: z.string(), category: z.enum(HazardCategory.values), accidentTypes: z.array(z.string()) });
export const Measure = z.object({ id: z.string(), seq: z.number().int(), category: z.enum(MeasureCategory.values), content: z.string() });

export const Assessment = z.object({
  id: z.string(),
  method: z.enum(['LEC', 'LS', 'DIRECT']),
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  profileVersion: z.number().int().nullable(),
  values: z.record(z.string(), z.number()),
  /** The value table labels for the chosen values, e.g. L 3 可能，但不经常. */
  valueLabels: z.record(z.string(), z.string()),
  score: z.number().nullable(),
  level: z.enum(RiskLevel.values),
  bandLabel: z.string().nullable(),
  directReason: z.string().nullable(),
  residualNote: z.string().nullable(),
  assessedOn: z.string(),
  assessorName: z.string(),
  createdAtMs: z.number(),
});
export type Assessment = z.infer<typeof Assessment>;

export const RiskRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(RiskKind.values),
  location: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  level: z.enum(RiskLevel.values).nullable(),
  method: z.enum(['LEC', 'LS', 'DIRECT']).nullable(),
  score: z.number().nullable(),
  controlLevel: z.enum(ControlLevel.values),
  respPersonName: z.string().nullable(),
  postNames: z.array(z.string()),
  accidentTypes: z.array(z.string()),
  measureCount: z.number().int(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']),
});
export type RiskRow = z.infer<typeof RiskRow>;

export const RiskPoint = RiskRow.extend({
  unitPath: z.string(),
  respUnitId: z.string().nullable(),
  respUnitName: z.string().nullable(),
  respPersonId: z.string().nullable(),
  respPersonPhone: z.string().nullable(),
  posts: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string() })),
  identifiedOn: z.string(),
  approvedBy: z.string().nullable(),
  approvedOn: z.string().nullable(),
  libraryKey: z.string().nullable(),
  notes: z.string().nullable(),
  hazards: z.array(Hazard),
  measures: z.array(Measure),
  assessment: Assessment.nullable(),
  history: z.array(Assessment),
  /** Four-colour maps that show this point. */
  areas: z.array(z.object({ planId: z.string(), planName: z.string(), label: z.string() })),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type RiskPoint = z.infer<typeof RiskPoint>;

export const RiskFilter = {
  unitId: optId('单位'),
  level: z.enum(RiskLevel.values).nullable().optional(),
  kind: z.enum(RiskKind.values).nullable().optional(),
  status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED', 'CURRENT']).nullable().optional(),
  postId: optId('岗位'),
  accidentType: z.enum(ACCIDENT_TYPES).nullable().optional(),
  reviewOverdue: z.boolean().optional(),
  search: optText('搜索词', 50),
};

export const LibraryEntry = z.object({
  key: z.string(),
  group: z.string(),
  name: z.string(),
  kind: z.enum(RiskKind.values),
  hazards: z.array(z.object({ description: z.string(), category: z.enum(HazardCategory.values), accidentTypes: z.array(z.string()) })),
  measures: z.array(z.object({ category: z.enum(MeasureCategory.values), content: z.string() })),
  lec: z.object({ L: z.number(), E: z.number(), C: z.number() }),
  level: z.enum(RiskLevel.values),
  postKeywords: z.array(z.string()),
  /** Already in the register (by library key). */
  used: z.boolean(),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

export const RiskStats = z.object({
  total: z.number().int(),
  draft: z.number().int(),
  reviewOverdue: z.number().int(),
  byLevel: z.array(z.object({ level: z.enum(RiskLevel.values), count: z.number().int() })),
  unassessed: z.number().int(),
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), MAJOR: z.number().int(), HIGH: z.number().int(), MEDIUM: z.number().int(), LOW: z.number().int() })),
  byAccidentType: z.array(z.object({ accidentType: z.string(), count: z.number().int(), MAJOR: z.number().int(), HIGH: z.number().int() })),
  byControlLevel: z.array(z.object({ controlLevel: z.enum(ControlLevel.values), count: z.number().int() })),
  top: z.array(RiskRow),
});
export type RiskStats = z.infer<typeof RiskStats>;

// ---- Four-colour map ----

const Point = z.tuple([z.number().min(0, '坐标超出平面图').max(1, '坐标超出平面图'), z.number().min(0, '坐标超出平面图').max(1, '坐标超出平面图')], { error: '坐标格式不正确' });

export const AreaInput = input({
  id: optId('区域'),
  kind: z.enum(['POLYGON', 'MARKER'], { error: '请选择区域或标记' }),
  label: text('区域名称', 40),
  points: z.array(Point).min(1, '请在平面图上画出区域').max(200, '一个区域最多 200 个顶点'),
  riskPointIds: z.array(id('风险点')).max(100).optional().default([]),
});

export const MapArea = z.object({
  id: z.string(),
  kind: z.enum(['POLYGON', 'MARKER']),
  label: z.string(),
  points: z.array(z.tuple([z.number(), z.number()])),
  riskPointIds: z.array(z.string()),
  /** The highest level among its risk points; null when none is assessed. */
  level: z.enum(RiskLevel.values).nullable(),
});
export type MapArea = z.infer<typeof MapArea>;

export const SitePlan = z.object({
  id: z.string(),
  name: z.string(),
  attachmentId: z.string(),
  widthPx: z.number().int(),
  heightPx: z.number().int(),
  compiledBy: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  mapDate: z.string().nullable(),
  areas: z.array(MapArea),
  counts: z.array(z.object({ level: z.enum(RiskLevel.values), count: z.number().int() })),
  updatedAtMs: z.number(),
});
export type SitePlan = z.infer<typeof SitePlan>;

const PlanMeta = {
  name: text('平面图名称', 60),
  compiledBy: optText('编制人', 30),
  reviewedBy: optText('审核人', 30),
  approvedBy: optText('批准人', 30),
  mapDate: optDate('编制日期'),
};

export const riskContract = {
  'riskProfile.list': query('风险评价方法（LEC、风险矩阵）及其取值表和分级', none, z.array(RiskProfile)),
  'riskProfile.update': mutation(
    '修改评价方法的取值表、分级和边界规则（版本号加一；已有评价保留原版本）',
    input({ id: id('评价方法'), name: text('名称', 40), config: z.union([LecConfig, LsConfig], { error: '取值表格式不正确' }) }),
    RiskProfile,
  ),
  'riskProfile.create': mutation('新增评价方法（如行业风险矩阵变体）', input({ name: text('名称', 40), method: z.enum(['LEC', 'LS'], { error: '请选择方法' }), config: z.union([LecConfig, LsConfig], { error: '取值表格式不正确' }) }), RiskProfile),
  'riskProfile.setDefault': mutation('设为该方法的默认评价表', input({ id: id('评价方法') }), RiskProfile),

  'risk.list': query('风险清单（可按单位、等级、类型、岗位、事故类型筛选）', input({ ...RiskFilter, ...paging }), pageOf(RiskRow)),
  'risk.get': query('风险点详情：危险有害因素、管控措施、评价记录', input({ id: id('风险点') }), RiskPoint),
  'risk.create': mutation('新增风险点（辨识中，评价并批准后生效）', input(RiskInput), RiskPoint),
  'risk.update': mutation('修改风险点；措施按编号保留，已被检查项引用的措施不能删除', input({ id: id('风险点'), ...RiskInput }), RiskPoint),
  'risk.assess': mutation(
    '评价（或重新评价）风险点：LEC、风险矩阵，或直接判定为重大风险；历次评价均保留',
    input({
      riskPointId: id('风险点'),
      method: z.enum(['LEC', 'LS', 'DIRECT'], { error: '请选择评价方法' }),
      profileId: optId('评价表'),
      values: z.record(z.string(), z.number({ error: '取值应为数字' })).optional().default({}),
      directReason: optText('直接判定理由', 200),
      residualNote: optText('残余风险说明', 300),
      assessedOn: date('评价日期'),
      assessorName: text('评价人', 30),
    }),
    RiskPoint,
  ),
  'risk.approve': mutation('批准风险点辨识评价结果（须有管控措施和评价），生效后进入公告栏、告知卡和两单两卡', input({ id: id('风险点'), approvedBy: text('批准人', 30), approvedOn: date('批准日期') }), RiskPoint),
  'risk.archive': mutation('归档风险点（不再使用，保留历史）', input({ id: id('风险点') }), RiskPoint),
  'risk.restore': mutation('恢复已归档的风险点', input({ id: id('风险点') }), RiskPoint),
  'risk.delete': mutation('删除风险点（仅限未被检查项、两单两卡或已打印文件引用的）', input({ id: id('风险点') }), z.object({ ok: z.literal(true) })),
  'risk.library': query('本行业典型风险点库（用于建立风险清单）', none, z.array(LibraryEntry)),
  'risk.importLibrary': mutation(
    '从典型风险点库批量建立风险点（按建议取值作 LEC 评价，待调整后批准）',
    input({ keys: z.array(text('条目', 60)).min(1, '请选择要导入的风险点').max(500), unitId: id('所属单位'), assessorName: text('评价人', 30), linkPosts: z.boolean().optional().default(true) }),
    z.object({ created: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), posts: z.array(z.string()) })) }),
  ),
  'risk.stats': query('风险统计：按等级、单位、事故类型、管控层级', input({ unitId: optId('单位') }), RiskStats),
  'risk.forPost': query('岗位关联的风险（生成两单两卡的岗位风险清单）', input({ postId: id('岗位') }), z.array(RiskRow)),

  'riskMap.plans': query('四色分布图列表', none, z.array(SitePlan.omit({ areas: true }))),
  'riskMap.get': query('四色分布图：平面图与各区域（颜色取区域内最高风险等级）', input({ id: id('平面图') }), SitePlan),
  'riskMap.createPlan': mutation('新建四色分布图（先上传厂区平面图图片）', input({ attachmentId: id('平面图图片'), ...PlanMeta }), SitePlan),
  'riskMap.updatePlan': mutation('修改四色分布图的名称和编制、审核、批准信息', input({ id: id('平面图'), ...PlanMeta }), SitePlan),
  'riskMap.saveAreas': mutation('保存平面图上的区域和标记（整体替换）', input({ planId: id('平面图'), areas: z.array(AreaInput).max(1000, '一张图最多 1000 个区域') }), SitePlan),
  'riskMap.deletePlan': mutation('删除四色分布图', input({ id: id('平面图') }), z.object({ ok: z.literal(true) })),
};

export type { ControlLevel, RiskLevel };

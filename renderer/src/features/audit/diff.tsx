import { Table } from 'antd';

/** Chinese names of the fields that appear in audit snapshots. Unknown keys show as they are. */
const FIELD_LABELS: Record<string, string> = {
  name: '名称/姓名',
  staffNo: '工号',
  unitId: '单位',
  unitName: '单位',
  unitPath: '单位路径',
  employmentType: '用工类型',
  employerName: '派遣/外包单位',
  gender: '性别',
  jobTitle: '职务',
  phone: '电话',
  hireDate: '入职日期',
  status: '状态',
  leftDate: '离职日期',
  idNumberMasked: '身份证号（脱敏）',
  idNumber: '身份证号（脱敏）',
  notes: '备注',
  postNames: '岗位',
  posts: '岗位',
  effectiveDate: '生效日期',
  creditCode: '统一社会信用代码',
  industry: '行业类别',
  industrySector: '行业细分',
  address: '地址',
  legalRepresentative: '法定代表人',
  principalPersonId: '主要负责人',
  safetyDeputyPersonId: '分管安全负责人',
  safetyDeptUnitId: '安全管理部门',
  regulatorName: '属地监管部门',
  regulatorPhone: '监管部门电话',
  gridMemberName: '网格员',
  gridMemberPhone: '网格员电话',
  dutyPhone: '值班电话',
  internalReportPhone: '内部举报电话',
  reportHotline: '举报热线',
  kind: '类型',
  parentId: '上级单位',
  headPersonId: '负责人',
  headName: '负责人',
  sortOrder: '排序号',
  trade: '工种',
  category: '类别',
  isSpecialOperation: '特种作业',
  requiredCertTypeId: '所需证书类型',
  requiredCertCategory: '所需作业类别',
  archived: '已归档',
  number: '证书编号',
  issuer: '发证机关',
  issueDate: '发证日期',
  expiryDate: '有效期至（录入）',
  effectiveExpiryDate: '有效期至',
  lastReviewDate: '最近复审',
  nextReviewDate: '下次复审',
  validityYears: '有效期（年）',
  reviewIntervalYears: '复审周期（年）',
  reviewWindowDays: '提前申请天数',
  certAlertDays: '证书提醒天数',
  title: '职务',
  active: '启用',
};

/** Keys that change on every write and say nothing to the reader. */
const NOISE = new Set(['updatedAtMs', 'createdAtMs', 'holders', 'holderCount', 'uncertifiedCount', 'dueState', 'daysLeft', 'alertBucket', 'statusHistory', 'reviews', 'certificateCount', 'peopleCount', 'postCount', 'childCount', 'depth', 'principal', 'safetyDeputy', 'safetyDeptName', 'headPhone', 'reviewWindowStart', 'dueDate']);

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map(show).join('、') || '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function changedFields(before: unknown, after: unknown): { key: string; label: string; before: string; after: string }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !NOISE.has(k) && k !== 'id');
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ key: k, label: FIELD_LABELS[k] ?? k, before: show(b[k]), after: show(a[k]) }));
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = changedFields(before, after);
  if (!rows.length) return <span className="sl-muted">无字段变化记录</span>;
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '字段', dataIndex: 'label', width: 160 },
        { title: '修改前', dataIndex: 'before', render: (v: string) => <span style={{ color: '#a8071a' }}>{v}</span> },
        { title: '修改后', dataIndex: 'after', render: (v: string) => <span style={{ color: '#135200' }}>{v}</span> },
      ]}
    />
  );
}

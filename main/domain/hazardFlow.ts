/**
 * The rectification closed loop as a state machine. Pure: the service reads
 * the hazard, asks `transition` whether an action is allowed from its state,
 * and gets the next state or the Chinese reason it is refused.
 *
 *   PENDING ──start──▶ IN_PROGRESS ──submit──▶ AWAITING_REVIEW ──reinspect(pass)+close──▶ CLOSED
 *      │ extend            │ extend               └──reinspect(fail)──▶ IN_PROGRESS
 *      └─────────── submit (立即整改) ─────────────▶                       CLOSED ──reopen──▶ IN_PROGRESS
 *
 * 逾期 is not a state: it is "past the deadline and not CLOSED", shown on top of the state.
 */
export type HazardState = 'PENDING' | 'IN_PROGRESS' | 'AWAITING_REVIEW' | 'CLOSED';
export type HazardAction = 'update' | 'start' | 'extend' | 'submit' | 'reinspectPass' | 'reinspectFail' | 'close' | 'reopen' | 'saveTreatment' | 'approveTreatment' | 'report';

const STATE_LABEL: Record<HazardState, string> = { PENDING: '待整改', IN_PROGRESS: '整改中', AWAITING_REVIEW: '待复查', CLOSED: '已销号' };
const ACTION_LABEL: Record<HazardAction, string> = {
  update: '修改',
  start: '下发整改通知',
  extend: '申请延期',
  submit: '提交整改完成',
  reinspectPass: '复查验收',
  reinspectFail: '复查验收',
  close: '销号',
  reopen: '重新打开',
  saveTreatment: '编制治理方案',
  approveTreatment: '批准治理方案',
  report: '登记报告',
};

const TABLE: Record<HazardAction, Partial<Record<HazardState, HazardState | 'same'>>> = {
  update: { PENDING: 'same', IN_PROGRESS: 'same', AWAITING_REVIEW: 'same' },
  start: { PENDING: 'IN_PROGRESS' },
  extend: { PENDING: 'same', IN_PROGRESS: 'same' },
  submit: { PENDING: 'AWAITING_REVIEW', IN_PROGRESS: 'AWAITING_REVIEW' },
  reinspectPass: { AWAITING_REVIEW: 'same' },
  reinspectFail: { AWAITING_REVIEW: 'IN_PROGRESS' },
  close: { AWAITING_REVIEW: 'CLOSED' },
  reopen: { CLOSED: 'IN_PROGRESS' },
  saveTreatment: { PENDING: 'same', IN_PROGRESS: 'same' },
  approveTreatment: { PENDING: 'same', IN_PROGRESS: 'same' },
  report: { PENDING: 'same', IN_PROGRESS: 'same', AWAITING_REVIEW: 'same', CLOSED: 'same' },
};

const WHY_NOT: Partial<Record<HazardAction, Partial<Record<HazardState, string>>>> = {
  update: { CLOSED: '该隐患已销号，不能修改；确需更正请先「重新打开」并说明原因' },
  start: { IN_PROGRESS: '已下发整改通知，正在整改中', AWAITING_REVIEW: '已整改完成，等待复查', CLOSED: '该隐患已销号' },
  extend: { AWAITING_REVIEW: '已提交整改完成，等待复查，不需要延期', CLOSED: '该隐患已销号，不能延期' },
  submit: { AWAITING_REVIEW: '已提交整改完成，等待复查', CLOSED: '该隐患已销号' },
  reinspectPass: { PENDING: '尚未整改，不能复查：请先提交整改完成情况', IN_PROGRESS: '尚未提交整改完成，不能复查', CLOSED: '该隐患已销号' },
  close: {
    PENDING: '该隐患尚未整改和复查验收，不能销号',
    IN_PROGRESS: '该隐患尚未整改完成和复查验收，不能销号',
    CLOSED: '该隐患已经销号',
  },
  reopen: { PENDING: '只有已销号的隐患才能重新打开', IN_PROGRESS: '只有已销号的隐患才能重新打开', AWAITING_REVIEW: '只有已销号的隐患才能重新打开' },
  saveTreatment: { AWAITING_REVIEW: '已整改完成等待复查，治理方案不能再修改', CLOSED: '该隐患已销号，治理方案不能再修改' },
  approveTreatment: { AWAITING_REVIEW: '已整改完成等待复查，不需要再批准治理方案', CLOSED: '该隐患已销号' },
};
WHY_NOT.reinspectFail = WHY_NOT.reinspectPass;

export type Transition = { ok: true; to: HazardState } | { ok: false; reason: string };

export function transition(from: HazardState, action: HazardAction): Transition {
  const to = TABLE[action][from];
  if (to) return { ok: true, to: to === 'same' ? from : to };
  return { ok: false, reason: WHY_NOT[action]?.[from] ?? `「${STATE_LABEL[from]}」状态的隐患不能${ACTION_LABEL[action]}` };
}

export const HAZARD_ACTIONS = Object.keys(TABLE) as HazardAction[];
export const HAZARD_STATES: HazardState[] = ['PENDING', 'IN_PROGRESS', 'AWAITING_REVIEW', 'CLOSED'];

/** Who an overdue hazard is escalated to: the unit head at once, the principal after `principalAfterDays`. */
export function escalation(overdueDays: number, principalAfterDays: number): 'UNIT_HEAD' | 'PRINCIPAL' | null {
  if (overdueDays <= 0) return null;
  return overdueDays > principalAfterDays ? 'PRINCIPAL' : 'UNIT_HEAD';
}

/**
 * Editors shared by the 现场处置方案 draft and the 应急处置卡: the accident
 * scenarios (情形, steps in order, cautions — the 两单两卡 CardScenario shape)
 * and the alarm and reporting contacts.
 */
import type { ReactNode } from 'react';
import { Button, Form, Input, Tooltip, type FormListOperation, type FormRule } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';

export interface ScenarioValues {
  scenario?: string;
  steps?: string[];
  cautions?: string | null;
}

export interface ContactValues {
  role?: string;
  name?: string | null;
  phone?: string;
}

const required = (message: string): FormRule => ({ required: true, whitespace: true, message });

const STEP_HINTS = ['报警：如 立即停止作业，大声呼救并报告班组长', '隔离：如 切断电源、气源，设置警戒区', '施救：如 在确保自身安全的前提下救助伤员', '上报：如 报告单位负责人，保护现场'];

const MAX_STEPS = 10;

const atLeastOneStep = {
  validator: async (_: unknown, value: unknown[] | undefined) => {
    if (!value?.length) throw new Error('每个事故情形至少要有一个处置步骤');
  },
};

export function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `${n}.`;
}

function RowActions({ index, count, move, remove, what }: { index: number; count: number; move: FormListOperation['move']; remove: FormListOperation['remove']; what: string }) {
  return (
    <div className="sl-em-row-actions">
      <Tooltip title="上移">
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label="上移" />
      </Tooltip>
      <Tooltip title="下移">
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label="下移" />
      </Tooltip>
      <Tooltip title={`删除此${what}`}>
        <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(index)} aria-label={`删除${what}`} />
      </Tooltip>
    </div>
  );
}

function SectionHead({ title, count, max, hint }: { title: string; count: number; max: number; hint?: ReactNode }) {
  return (
    <div className="sl-em-section-head">
      <h4>{title}</h4>
      <span className="sl-muted">
        {count} / {max}
      </span>
      {hint && <div className="sl-em-section-hint">{hint}</div>}
    </div>
  );
}

/** The scenarios list under `name` (at most `max`). */
export function ScenarioFields({ name, max, testId, hint }: { name: (string | number)[] | string; max: number; testId: string; hint?: ReactNode }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <div data-testid={testId}>
          <SectionHead title="事故情形和处置步骤" count={fields.length} max={max} hint={hint} />
          {fields.map((f, i) => (
            <div className="sl-em-scenario-box" key={f.key} data-testid={`${testId}-${i}`}>
              <div className="sl-em-row">
                <span className="sl-em-row-label">情形 {i + 1}</span>
                <Form.Item name={[f.name, 'scenario']} rules={[required('请填写事故情形')]} style={{ flex: 1 }}>
                  <Input maxLength={40} placeholder="如 发生触电、液氨泄漏、配电柜起火" data-testid={`${testId}-${i}-scenario`} />
                </Form.Item>
                <RowActions index={i} count={fields.length} move={move} remove={remove} what="情形" />
              </div>
              <Form.List name={[f.name, 'steps']} rules={[atLeastOneStep]}>
                {(steps, ops, { errors }) => (
                  <div className="sl-em-steps">
                    {steps.map((s, j) => (
                      <div className="sl-em-row" key={s.key}>
                        <span className="sl-em-step-no">{circled(j + 1)}</span>
                        <Form.Item name={s.name} rules={[required('请填写处置步骤')]} style={{ flex: 1 }}>
                          <Input maxLength={60} placeholder={STEP_HINTS[j] ?? '处置步骤，每步一句'} data-testid={`${testId}-${i}-step-${j}`} />
                        </Form.Item>
                        <RowActions index={j} count={steps.length} move={ops.move} remove={ops.remove} what="步骤" />
                      </div>
                    ))}
                    <Form.ErrorList errors={errors} />
                    {steps.length < MAX_STEPS && (
                      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => ops.add('')} style={{ marginBottom: 10 }} data-testid={`${testId}-${i}-add-step`}>
                        添加处置步骤
                      </Button>
                    )}
                  </div>
                )}
              </Form.List>
              <div className="sl-em-steps">
                <Form.Item label="注意事项" name={[f.name, 'cautions']}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={100} showCount placeholder="可选，如 未切断电源前不得直接接触触电者；佩戴正压式呼吸器后方可进入" data-testid={`${testId}-${i}-cautions`} />
                </Form.Item>
              </div>
            </div>
          ))}
          {fields.length < max ? (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ scenario: '', steps: [''], cautions: null })} data-testid={`${testId}-add`}>
              添加事故情形
            </Button>
          ) : (
            <div className="sl-muted">已达上限 {max} 个情形</div>
          )}
        </div>
      )}
    </Form.List>
  );
}

/** The contacts list under `name` (at most `max`): 联系对象, 联系人, 电话. */
export function ContactFields({ name, max, testId, hint }: { name: string; max: number; testId: string; hint?: ReactNode }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <div data-testid={testId}>
          <SectionHead title="应急联系电话" count={fields.length} max={max} hint={hint} />
          {fields.length > 0 && (
            <div className="sl-em-row sl-em-contact-head">
              <span style={{ width: 180 }}>联系对象</span>
              <span style={{ width: 140 }}>联系人（可选）</span>
              <span style={{ width: 220 }}>电话</span>
            </div>
          )}
          {fields.map((f, i) => (
            <div className="sl-em-row" key={f.key}>
              <Form.Item name={[f.name, 'role']} rules={[required('请填写联系对象')]} style={{ width: 180 }}>
                <Input maxLength={20} placeholder="如 班组长、值班室" data-testid={`${testId}-${i}-role`} />
              </Form.Item>
              <Form.Item name={[f.name, 'name']} style={{ width: 140 }}>
                <Input maxLength={20} placeholder="姓名" data-testid={`${testId}-${i}-name`} />
              </Form.Item>
              <Form.Item name={[f.name, 'phone']} rules={[required('请填写电话'), { pattern: /\d{3}/, message: '请填写电话号码' }]} style={{ width: 220 }}>
                <Input maxLength={30} placeholder="如 138 0000 0000 或 0812-1234567" data-testid={`${testId}-${i}-phone`} />
              </Form.Item>
              <span style={{ flex: 1 }} />
              <RowActions index={i} count={fields.length} move={move} remove={remove} what="电话" />
            </div>
          ))}
          {fields.length < max ? (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ role: '', name: null, phone: '' })} data-testid={`${testId}-add`}>
              添加联系电话
            </Button>
          ) : (
            <div className="sl-muted">已达上限 {max} 个电话</div>
          )}
        </div>
      )}
    </Form.List>
  );
}

/** Form values → contract values (trimmed, blanks dropped). */
export function scenariosOut(list: ScenarioValues[] | undefined) {
  return (list ?? []).map((s) => ({
    scenario: s.scenario?.trim() ?? '',
    steps: (s.steps ?? []).map((x) => x?.trim() ?? '').filter(Boolean),
    cautions: s.cautions?.trim() ? s.cautions.trim() : null,
  }));
}

export function contactsOut(list: ContactValues[] | undefined) {
  return (list ?? []).map((c) => ({ role: c.role?.trim() ?? '', name: c.name?.trim() ? c.name.trim() : null, phone: c.phone?.trim() ?? '' }));
}

/** Read-only scenarios, as printed on the card. */
export function ScenarioView({ scenarios }: { scenarios: { scenario: string; steps: string[]; cautions: string | null }[] }) {
  if (!scenarios.length) return <span className="sl-muted">未填写</span>;
  return (
    <div>
      {scenarios.map((s, i) => (
        <div className="sl-em-scenario-view" key={i}>
          <div className="sl-em-scenario-title">
            {i + 1}. {s.scenario || <span className="sl-muted">（未填写情形）</span>}
          </div>
          <ol className="sl-em-ol">
            {s.steps.filter(Boolean).map((st, j) => (
              <li key={j}>{st}</li>
            ))}
          </ol>
          {s.cautions && <div className="sl-em-caution">注意：{s.cautions}</div>}
        </div>
      ))}
    </div>
  );
}

export function ContactView({ contacts }: { contacts: { role: string; name: string | null; phone: string }[] }) {
  if (!contacts.length) return <span className="sl-muted">未填写</span>;
  return (
    <div className="sl-em-contacts">
      {contacts.map((c, i) => (
        <div key={i} className="sl-em-contact">
          <span className="sl-muted">{c.role}</span>
          {c.name && <span>{c.name}</span>}
          <b>{c.phone}</b>
        </div>
      ))}
    </div>
  );
}

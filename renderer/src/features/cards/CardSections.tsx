import type { ReactNode } from 'react';
import { Alert, Button, Checkbox, Form, Input, Select, Tooltip, Typography, type FormListOperation, type FormRule as Rule } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { CardSet } from '../../../../preload/contract/cards.ts';
import { ACCIDENT_TYPES, EmploymentType, RISK_STAGES, WorkPhase } from '../../../../preload/contract/enums.ts';
import { LIMITS, PART_COLOR, RiskLevelTag, circled } from './cardMeta.tsx';

const required = (message: string): Rule => ({ required: true, whitespace: true, message });

const ACCIDENT_OPTIONS = ACCIDENT_TYPES.map((t) => ({ value: t, label: t }));
const STAGE_OPTIONS = RISK_STAGES.map((s) => ({ value: s, label: s }));

/** Common protective equipment, offered as suggestions; anything else can be typed. */
const PPE_SUGGESTIONS = ['安全帽', '工作服', '安全鞋', '防护眼镜', '防护面罩', '防护手套', '绝缘手套', '绝缘鞋', '耳塞', '防尘口罩', '防毒面具', '安全带', '反光背心', '隔热服'];

function SectionHead({ title, color, count, max, hint, extra }: { title: string; color: string; count?: number; max?: number; hint: ReactNode; extra?: ReactNode }) {
  return (
    <>
      <div className="sl-cards-section-head">
        <span className="sl-cards-tab-dot" style={{ background: color }} />
        <h4>{title}</h4>
        {count !== undefined && max !== undefined && (
          <span className="sl-muted">
            {count} / {max} 条
          </span>
        )}
        <span style={{ flex: 1 }} />
        {extra}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {hint}
      </Typography.Paragraph>
    </>
  );
}

function RowActions({ index, count, move, remove, what }: { index: number; count: number; move: FormListOperation['move']; remove: FormListOperation['remove']; what: string }) {
  return (
    <div className="sl-cards-row-actions">
      <Tooltip title="上移">
        <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label="上移" />
      </Tooltip>
      <Tooltip title="下移">
        <Button type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label="下移" />
      </Tooltip>
      <Tooltip title={`删除此${what}`}>
        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(index)} aria-label="删除" />
      </Tooltip>
    </div>
  );
}

function AddButton({ count, max, onClick, children, testId }: { count: number; max: number; onClick: () => void; children: ReactNode; testId?: string }) {
  return (
    <Button type="dashed" block icon={<PlusOutlined />} disabled={count >= max} onClick={onClick} data-testid={testId}>
      {count >= max ? `已达上限 ${max} 条` : children}
    </Button>
  );
}

function Mnemonic({ part, example }: { part: 'risk' | 'duty' | 'operation' | 'emergency'; example: string }) {
  return (
    <Form.Item label="顺口溜" name={['content', part, 'mnemonic']} extra="可选；打印在卡片底部，便于员工记忆和背诵" style={{ marginTop: 16 }}>
      <Input maxLength={80} showCount placeholder={`如 ${example}`} />
    </Form.Item>
  );
}

/** Read-only level mark of a risk taken from the risk register. */
function LevelMark({ value }: { value?: CardSet['risk']['items'][number]['level'] }) {
  if (!value) return null;
  return (
    <Tooltip title="来自风险辨识评估的风险等级">
      <span style={{ lineHeight: '32px' }}>
        <RiskLevelTag level={value} />
      </span>
    </Tooltip>
  );
}

/** The risk list drawn from the register: shown as it is, changed only through the register. */
function RegisterRisks({ items, onManual, busy }: { items: CardSet['risk']['items']; onManual: () => void; busy: boolean }) {
  return (
    <div data-testid="card-risk-register">
      <SectionHead title="岗位风险清单" color={PART_COLOR.risk} count={items.length} max={LIMITS.risks} hint="由风险分级管控清单自动生成：取本岗位关联的已批准风险点的危险有害因素，等级高的在前。风险点修改或重新评价后，这里和已打印的卡片随之更新（打印中心会提示需重印）。" />
      <ol style={{ margin: '0 0 12px', paddingInlineStart: 22 }}>
        {items.map((r) => (
          <li key={`${r.riskPointId}-${r.statement}`} style={{ marginBottom: 4 }}>
            {r.statement} <span className="sl-muted">〔{r.accidentType} · {r.stage}〕</span> {r.level && <RiskLevelTag level={r.level} />}
          </li>
        ))}
      </ol>
      <Button onClick={onManual} loading={busy} data-testid="card-risk-manual">
        改为手工编辑
      </Button>
    </div>
  );
}

export function RiskSection({ fromRegister, registerItems, onToggle, toggling }: { fromRegister: boolean; registerItems: CardSet['risk']['items']; onToggle: (fromRegister: boolean) => void; toggling: boolean }) {
  if (fromRegister) {
    return (
      <div>
        <RegisterRisks items={registerItems} onManual={() => onToggle(false)} busy={toggling} />
        <Mnemonic part="risk" example="岗前风险心中记，防护到位保安全" />
      </div>
    );
  }
  return (
    <div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="可由风险分级管控清单自动生成"
        description="本岗位关联了已批准的风险点时，岗位风险清单可直接取自风险清单（含风险等级颜色），风险变化时自动更新。"
        action={
          <Button size="small" onClick={() => onToggle(true)} loading={toggling} data-testid="card-risk-from-register">
            由风险清单生成
          </Button>
        }
      />
      <Form.List name={['content', 'risk', 'items']}>
        {(fields, { add, remove, move }) => (
          <>
            <SectionHead
              title="岗位风险清单"
              color={PART_COLOR.risk}
              count={fields.length}
              max={LIMITS.risks}
              hint="用“有……的风险”一句话写清本岗位可能发生的事故，按 GB 6441 选择事故类型，并注明出现在哪个作业环节。"
            />
            {fields.length > 0 && (
              <div className="sl-cards-row-head">
                <span style={{ width: 24 }} />
                <span style={{ flex: 1 }}>风险描述</span>
                <span style={{ width: 150 }}>事故类型</span>
                <span style={{ width: 110 }}>作业环节</span>
                <span style={{ width: 104 }} />
              </div>
            )}
            {fields.map((f, i) => (
              <div className="sl-cards-row" key={f.key}>
                <span className="sl-cards-row-no">{i + 1}</span>
                <Form.Item name={[f.name, 'statement']} rules={[required('请填写风险描述')]} style={{ flex: 1 }}>
                  <Input maxLength={60} placeholder="有……的风险" />
                </Form.Item>
                <Form.Item name={[f.name, 'accidentType']} rules={[{ required: true, message: '请选择事故类型' }]} style={{ width: 150 }}>
                  <Select options={ACCIDENT_OPTIONS} placeholder="事故类型" showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Form.Item name={[f.name, 'stage']} rules={[{ required: true, message: '请选择作业环节' }]} style={{ width: 110 }}>
                  <Select options={STAGE_OPTIONS} placeholder="作业环节" />
                </Form.Item>
                <Form.Item name={[f.name, 'level']} noStyle>
                  <LevelMark />
                </Form.Item>
                <RowActions index={i} count={fields.length} move={move} remove={remove} what="风险" />
              </div>
            ))}
            <AddButton count={fields.length} max={LIMITS.risks} onClick={() => add({ statement: '', riskPointId: null, level: null })} testId="card-add-risk">
              添加风险
            </AddButton>
          </>
        )}
      </Form.List>
      <Mnemonic part="risk" example="岗前风险心中记，防护到位保安全" />
    </div>
  );
}

export function DutySection({ hasList, onFromList, fromListLoading }: { hasList: boolean; onFromList: () => void; fromListLoading: boolean }) {
  return (
    <div>
      <Form.List name={['content', 'duty', 'items']}>
        {(fields, { add, remove, move }) => (
          <>
            <SectionHead
              title="岗位职责清单"
              color={PART_COLOR.duty}
              count={fields.length}
              max={LIMITS.duties}
              hint={
                <>
                  每条一句、以动词开头，写员工本人要做到的安全职责（如“严格执行本岗位安全操作规程”）。
                  {hasList ? '可从本岗位现行的责任清单生成后精简。' : '本岗位还没有现行的责任清单，批准后可从中生成。'}
                </>
              }
              extra={
                <Button icon={<ImportOutlined />} loading={fromListLoading} onClick={onFromList} data-testid="card-duties-from-list">
                  从责任清单生成
                </Button>
              }
            />
            {fields.map((f, i) => (
              <div className="sl-cards-row" key={f.key}>
                <span className="sl-cards-row-no">{i + 1}</span>
                <Form.Item name={f.name} rules={[required('请填写职责内容')]} style={{ flex: 1 }}>
                  <Input maxLength={80} placeholder="以动词开头，如 班前检查设备安全防护装置" />
                </Form.Item>
                <RowActions index={i} count={fields.length} move={move} remove={remove} what="职责" />
              </div>
            ))}
            <AddButton count={fields.length} max={LIMITS.duties} onClick={() => add('')} testId="card-add-duty">
              添加职责
            </AddButton>
          </>
        )}
      </Form.List>
      <Mnemonic part="duty" example="规程牢记心，防护穿戴齐；隐患早报告，安全靠自己" />
    </div>
  );
}

const ppeRule: Rule = {
  validator: async (_, value: string[] | undefined) => {
    const list = value ?? [];
    if (list.length > LIMITS.ppe) throw new Error(`劳动防护用品最多 ${LIMITS.ppe} 项`);
    const long = list.find((p) => p.trim().length > 20);
    if (long) throw new Error(`「${long}」超过 20 个字，请简写`);
  },
};

export function OperationSection() {
  const form = Form.useFormInstance();
  return (
    <div>
      <Form.Item
        label="劳动防护用品"
        name={['content', 'ppe']}
        rules={[ppeRule]}
        extra="本岗位作业必须穿戴的防护用品，打印在操作卡上方；可从建议中选择，也可直接输入后回车"
      >
        <Select
          mode="tags"
          maxCount={LIMITS.ppe}
          tokenSeparators={['，', ',', '、']}
          options={PPE_SUGGESTIONS.map((p) => ({ value: p, label: p }))}
          placeholder="如 安全帽、工作服、安全鞋"
          data-testid="card-ppe"
        />
      </Form.Item>
      <Form.List name={['content', 'operation', 'steps']}>
        {(fields, { add, remove, move }) => (
          <>
            <SectionHead
              title="岗位操作卡"
              color={PART_COLOR.operation}
              count={fields.length}
              max={LIMITS.steps}
              hint="按作业前、作业中、作业后写操作要点，每步一句；把“禁止”事项单独写出，便于员工记住红线。"
            />
            {fields.length > 0 && (
              <div className="sl-cards-row-head">
                <span style={{ width: 24 }} />
                <span style={{ width: 100 }}>阶段</span>
                <span style={{ flex: 2 }}>操作要点</span>
                <span style={{ flex: 1.4 }}>禁止事项（可选）</span>
                <span style={{ flex: 1 }}>防护用品（可选）</span>
                <span style={{ width: 104 }} />
              </div>
            )}
            {fields.map((f, i) => (
              <div className="sl-cards-row" key={f.key}>
                <span className="sl-cards-row-no">{i + 1}</span>
                <Form.Item name={[f.name, 'phase']} rules={[{ required: true, message: '请选择阶段' }]} style={{ width: 100 }}>
                  <Select options={WorkPhase.options} placeholder="阶段" />
                </Form.Item>
                <Form.Item name={[f.name, 'action']} rules={[required('请填写操作要点')]} style={{ flex: 2 }}>
                  <Input maxLength={80} placeholder="如 检查防护罩、急停按钮完好" />
                </Form.Item>
                <Form.Item name={[f.name, 'prohibitions']} style={{ flex: 1.4 }}>
                  <Input maxLength={80} placeholder="如 禁止戴手套操作" />
                </Form.Item>
                <Form.Item name={[f.name, 'ppe']} style={{ flex: 1 }}>
                  <Input maxLength={60} placeholder="如 防护眼镜" />
                </Form.Item>
                <RowActions index={i} count={fields.length} move={move} remove={remove} what="步骤" />
              </div>
            ))}
            <AddButton
              count={fields.length}
              max={LIMITS.steps}
              onClick={() => {
                const prev = fields.at(-1);
                const phase = prev ? (form.getFieldValue(['content', 'operation', 'steps', prev.name, 'phase']) as string | undefined) : 'BEFORE';
                add({ phase, action: '', prohibitions: null, ppe: null });
              }}
              testId="card-add-step"
            >
              添加操作步骤
            </AddButton>
          </>
        )}
      </Form.List>
      <Mnemonic part="operation" example="班前检查不能忘，规范操作不逞强" />
    </div>
  );
}

const STEP_HINTS = ['报警：如 立即停机、大声呼救并报告班组长', '隔离：如 切断电源或气源，设置警戒', '施救：如 在确保自身安全的前提下施救', '上报：如 报告单位负责人，保护现场'];

const atLeastOneStep = {
  validator: async (_: unknown, value: unknown[] | undefined) => {
    if (!value?.length) throw new Error('每个事故情形至少要有一个处置步骤');
  },
};

export function EmergencySection() {
  return (
    <div>
      <Form.List name={['content', 'emergency', 'scenarios']}>
        {(fields, { add, remove, move }) => (
          <>
            <SectionHead
              title="岗位应急处置卡"
              color={PART_COLOR.emergency}
              count={fields.length}
              max={LIMITS.scenarios}
              hint="针对本岗位最可能发生的事故情形（不超过 4 个），按“报警 → 隔离 → 施救 → 上报”的顺序写处置步骤，每步一句。"
            />
            {fields.map((f, i) => (
              <div className="sl-cards-scenario-box" key={f.key}>
                <div className="sl-cards-row">
                  <span style={{ flex: 'none', lineHeight: '32px', fontWeight: 600 }}>情形 {i + 1}</span>
                  <Form.Item name={[f.name, 'scenario']} rules={[required('请填写事故情形')]} style={{ flex: 1 }}>
                    <Input maxLength={40} placeholder="如 发生触电" />
                  </Form.Item>
                  <RowActions index={i} count={fields.length} move={move} remove={remove} what="情形" />
                </div>
                <Form.List name={[f.name, 'steps']} rules={[atLeastOneStep]}>
                  {(steps, ops, { errors }) => (
                    <div style={{ paddingInlineStart: 48 }}>
                      {steps.map((s, j) => (
                        <div className="sl-cards-row" key={s.key}>
                          <span className="sl-cards-row-no">{circled(j + 1)}</span>
                          <Form.Item name={s.name} rules={[required('请填写处置步骤')]} style={{ flex: 1 }}>
                            <Input maxLength={60} placeholder={STEP_HINTS[j] ?? '处置步骤'} />
                          </Form.Item>
                          <RowActions index={j} count={steps.length} move={ops.move} remove={ops.remove} what="步骤" />
                        </div>
                      ))}
                      <Form.ErrorList errors={errors} />
                      <Button type="dashed" size="small" icon={<PlusOutlined />} disabled={steps.length >= LIMITS.scenarioSteps} onClick={() => ops.add('')} style={{ marginBottom: 12 }}>
                        {steps.length >= LIMITS.scenarioSteps ? `已达上限 ${LIMITS.scenarioSteps} 步` : '添加处置步骤'}
                      </Button>
                    </div>
                  )}
                </Form.List>
                <Form.Item label="注意事项" name={[f.name, 'cautions']} style={{ paddingInlineStart: 48 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={100} showCount placeholder="可选，如 未切断电源前不得直接用手拉触电者" />
                </Form.Item>
              </div>
            ))}
            <AddButton count={fields.length} max={LIMITS.scenarios} onClick={() => add({ scenario: '', steps: [''], cautions: null })} testId="card-add-scenario">
              添加事故情形
            </AddButton>
          </>
        )}
      </Form.List>
      <Mnemonic part="emergency" example="遇险先报警，断源再施救；自救互救要科学，盲目施救不可取" />
      <Alert
        type="info"
        showIcon
        title="应急联系方式打印时自动填入"
        description="班组长/单位负责人、安全管理部门、值班电话以及 119、120、110 在打印口袋卡和岗位牌时从「企业信息」和「组织机构」自动取得，无需在此填写；号码变化请到相应页面修改，重印即可更新。"
      />
    </div>
  );
}

export function ApplicableSection() {
  return (
    <div>
      <SectionHead
        title="适用人员"
        color="#595959"
        hint="勾选本岗位两单两卡适用的用工形式。劳务派遣、灵活用工、实习人员在本岗位作业的，与正式员工同样要学习、签字确认并接受抽查。"
      />
      <Form.Item name={['content', 'applicable']} rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种适用人员类型' }]}>
        <Checkbox.Group options={EmploymentType.options} />
      </Form.Item>
    </div>
  );
}

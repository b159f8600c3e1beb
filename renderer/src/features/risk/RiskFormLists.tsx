import { Button, Form, Input, Select, Space, Tag, Tooltip, Typography, type FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SortAscendingOutlined } from '@ant-design/icons';
import { ACCIDENT_TYPES, HazardCategory, MeasureCategory } from '../../../../preload/contract/enums.ts';

export interface HazardValues {
  description?: string;
  category?: HazardCategory;
  accidentTypes?: string[];
}

export interface MeasureValues {
  /** Kept for existing measures so main updates them in place (check items stay linked). */
  id?: string | null;
  category?: MeasureCategory;
  content?: string;
}

const ACCIDENT_OPTIONS = ACCIDENT_TYPES.map((a) => ({ value: a, label: a }));

function MoveButtons({ index, count, move, remove, disabled, what }: { index: number; count: number; move: (from: number, to: number) => void; remove: () => void; disabled: boolean; what: string }) {
  if (disabled) return null;
  return (
    <Space size={2} style={{ flex: 'none' }}>
      <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label="上移" />
      <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label="下移" />
      <Tooltip title={`删除这项${what}`}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={remove} aria-label="删除" />
      </Tooltip>
    </Space>
  );
}

/** 危险有害因素: what can go wrong (人、物、环境、管理), each with the GB 6441 accident types it can lead to. */
export function HazardList({ disabled }: { disabled: boolean }) {
  return (
    <Form.List
      name="hazards"
      rules={[
        {
          validator: async (_, v: unknown[] | undefined) => {
            if (!v || v.length < 1) throw new Error('请至少填写一项危险有害因素');
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <>
          <div className="sl-risk-section-title">
            危险有害因素（{fields.length} 项）
            <span className="sl-muted">写明具体的不安全状态或行为，如“卡盘旋转部位无防护罩”，并选择可能导致的事故类型（GB 6441）</span>
          </div>
          {fields.map((field, index) => (
            <div className="sl-risk-row" key={field.key}>
              <span className="sl-risk-row-no">{index + 1}</span>
              <Form.Item name={[field.name, 'description']} style={{ flex: 1, minWidth: 0 }} rules={[{ required: true, whitespace: true, message: `请填写第 ${index + 1} 项危险有害因素` }]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} placeholder="危险有害因素" data-testid={`risk-hazard-desc-${index}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'category']} style={{ width: 120, flex: 'none' }} rules={[{ required: true, message: '请选择类别' }]}>
                <Select placeholder="因素类别" options={HazardCategory.options} data-testid={`risk-hazard-category-${index}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'accidentTypes']} style={{ width: 280, flex: 'none' }} rules={[{ required: true, type: 'array', min: 1, message: '请选择可能导致的事故类型' }]}>
                <Select mode="multiple" placeholder="可能导致的事故" options={ACCIDENT_OPTIONS} showSearch={{ optionFilterProp: 'label' }} maxCount={6} data-testid={`risk-hazard-accidents-${index}`} />
              </Form.Item>
              <MoveButtons index={index} count={fields.length} move={move} remove={() => remove(field.name)} disabled={disabled} what="危险有害因素" />
            </div>
          ))}
          <div className="sl-risk-list-error">
            <Form.ErrorList errors={errors} />
          </div>
          {!disabled && (
            <Button icon={<PlusOutlined />} onClick={() => add({ description: '', category: 'MATERIAL', accidentTypes: [] })} data-testid="risk-hazard-add" style={{ marginTop: 4 }}>
              添加危险有害因素
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

const CATEGORY_ORDER = MeasureCategory.values;
const CATEGORY_COLOR: Record<MeasureCategory, string> = { ENGINEERING: 'geekblue', MANAGEMENT: 'cyan', TRAINING: 'purple', PPE: 'gold', EMERGENCY: 'volcano' };
/** The same hues as the tags, for the edge of each measure row (the category is also written in the row). */
const CATEGORY_EDGE: Record<MeasureCategory, string> = { ENGINEERING: '#2f54eb', MANAGEMENT: '#13c2c2', TRAINING: '#722ed1', PPE: '#d4b106', EMERGENCY: '#fa541c' };

/**
 * 管控措施 in five categories. Existing measures keep their hidden id, so a
 * reworded measure stays the same measure for the check items that verify it.
 */
export function MeasureList({ form, disabled, onEdited }: { form: FormInstance; disabled: boolean; /** Called after changes made from code (which the form's onValuesChange does not see). */ onEdited: () => void }) {
  const measures = (Form.useWatch('measures', form) as MeasureValues[] | undefined) ?? [];
  const counts = new Map<MeasureCategory, number>();
  for (const m of measures) if (m?.category) counts.set(m.category, (counts.get(m.category) ?? 0) + 1);
  const missing = CATEGORY_ORDER.filter((c) => !counts.get(c));

  const sortByCategory = () => {
    const current = (form.getFieldValue('measures') as MeasureValues[] | undefined) ?? [];
    const sorted = current
      .map((m, i) => ({ m, i }))
      .sort((a, b) => CATEGORY_ORDER.indexOf(a.m?.category ?? 'EMERGENCY') - CATEGORY_ORDER.indexOf(b.m?.category ?? 'EMERGENCY') || a.i - b.i)
      .map((x) => x.m);
    form.setFieldValue('measures', sorted);
    onEdited();
  };

  return (
    <Form.List name="measures">
      {(fields, { add, remove, move }, { errors }) => (
        <>
          <div className="sl-risk-section-title">
            管控措施（{fields.length} 项）
            <span className="sl-muted">批准前至少要有一项；一般应覆盖工程技术、管理、培训教育、个体防护和应急处置五类</span>
          </div>
          <div style={{ marginBottom: 8 }}>
            <Space size={[4, 4]} wrap>
              {CATEGORY_ORDER.map((c) => (
                <Tag key={c} color={counts.get(c) ? CATEGORY_COLOR[c] : undefined} style={counts.get(c) ? undefined : { color: '#9ca3af', borderStyle: 'dashed' }}>
                  {MeasureCategory.label[c]} {counts.get(c) ?? 0}
                </Tag>
              ))}
              {fields.length > 1 && !disabled && (
                <Button size="small" type="link" icon={<SortAscendingOutlined />} onClick={sortByCategory}>
                  按类别整理顺序
                </Button>
              )}
            </Space>
            {fields.length > 0 && missing.length > 0 && !disabled && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                尚无{missing.map((c) => `「${MeasureCategory.label[c]}」`).join('')}措施，如确实不适用可不填。
              </Typography.Text>
            )}
          </div>
          {fields.map((field, index) => {
            const cat = measures[index]?.category;
            return (
              <div className="sl-risk-row" key={field.key} style={cat ? { borderLeft: `3px solid ${CATEGORY_EDGE[cat]}` } : undefined}>
                <span className="sl-risk-row-no">{index + 1}</span>
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, 'category']} style={{ width: 120, flex: 'none' }} rules={[{ required: true, message: '请选择类别' }]}>
                  <Select placeholder="措施类别" options={MeasureCategory.options} data-testid={`risk-measure-category-${index}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'content']} style={{ flex: 1, minWidth: 0 }} rules={[{ required: true, whitespace: true, message: `请填写第 ${index + 1} 项管控措施` }]}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={300} placeholder="具体、可检查的措施，如“每班作业前点检防护罩、急停和接地”" data-testid={`risk-measure-content-${index}`} />
                </Form.Item>
                <MoveButtons index={index} count={fields.length} move={move} remove={() => remove(field.name)} disabled={disabled} what="管控措施" />
              </div>
            );
          })}
          {!fields.length && (
            <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
              还没有管控措施。没有管控措施的风险点不能批准。
            </Typography.Paragraph>
          )}
          <div className="sl-risk-list-error">
            <Form.ErrorList errors={errors} />
          </div>
          {!disabled && (
            <Button icon={<PlusOutlined />} onClick={() => {
                add({ category: missing[0] ?? 'MANAGEMENT', content: '' });
                form.setFields([{ name: 'measures', errors: [] }]);
              }} data-testid="risk-measure-add" style={{ marginTop: 4 }}>
              添加管控措施
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

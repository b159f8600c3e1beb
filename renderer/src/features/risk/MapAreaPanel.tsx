/**
 * The right-hand column of the four-colour map: the selected area's name,
 * risk points and resulting colour, and the list of all areas.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, Popconfirm, Select, Space, Tag, Typography, type InputRef } from 'antd';
import { AimOutlined, CloseOutlined, DeleteOutlined, EnvironmentOutlined, GatewayOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { RISK_COLORS, RiskLevel } from '../../../../preload/contract/enums.ts';
import type { RiskRow } from '../../../../preload/contract/risk.ts';
import { LevelTag, registerLink } from './riskMeta.tsx';
import type { DraftArea } from './MapEditor.tsx';
import { LEVELS, UNASSESSED_COLOR } from './mapGeometry.ts';

export const KIND_NAME: Record<DraftArea['kind'], string> = { POLYGON: '区域', MARKER: '标记' };

/** An area's colour as a tag with its text: "较大风险（橙）", or grey with why. */
export function AreaLevelTag({ level, linked, testId }: { level: RiskLevel | null; linked: number; testId?: string }) {
  if (level) return <LevelTag level={level} suffix={`（${RISK_COLORS[level].name}）`} testId={testId} />;
  return (
    <Tag className="sl-risk-tag" style={{ background: '#f3f4f6', borderColor: UNASSESSED_COLOR, color: '#374151' }} data-testid={testId}>
      {linked ? '未评价（灰）' : '未关联风险点（灰）'}
    </Tag>
  );
}

/** The legend: the four colours with their names and how many areas have each; grey for the rest. */
export function MapLegend({ counts, grey }: { counts: Record<RiskLevel, number>; grey: number }) {
  return (
    <div className="sl-map-legend" data-testid="risk-map-legend">
      <span className="sl-map-legend-title">图例</span>
      {LEVELS.map((l) => (
        <span className="sl-map-legend-item" key={l} data-level={l}>
          <span className="sl-map-swatch" style={{ background: RISK_COLORS[l].hex }} aria-hidden />
          {RiskLevel.label[l]}（{RISK_COLORS[l].name}）<b>{counts[l]}</b> 个
        </span>
      ))}
      {grey > 0 && (
        <span className="sl-map-legend-item">
          <span className="sl-map-swatch" style={{ background: UNASSESSED_COLOR }} aria-hidden />
          未关联或未评价（灰）<b>{grey}</b> 个
        </span>
      )}
    </div>
  );
}

function riskOptionLabel(r: RiskRow): string {
  return `${r.code} ${r.name}（${r.level ? RiskLevel.label[r.level] : '未评价'}）`;
}

export function AreaDetails({
  area,
  index,
  level,
  risks,
  riskById,
  risksLoading,
  editVertices,
  focusToken,
  onClose,
  onLabel,
  onRisks,
  onDelete,
  onFocus,
  onToggleVertices,
}: {
  area: DraftArea;
  index: number;
  level: RiskLevel | null;
  risks: readonly RiskRow[];
  riskById: ReadonlyMap<string, RiskRow>;
  risksLoading: boolean;
  editVertices: boolean;
  /** Changes when the name field should take the focus (a new area was just drawn). */
  focusToken: number;
  onClose: () => void;
  onLabel: (label: string) => void;
  onRisks: (ids: string[]) => void;
  onDelete: () => void;
  onFocus: () => void;
  onToggleVertices: () => void;
}) {
  const input = useRef<InputRef>(null);
  useEffect(() => {
    if (focusToken) input.current?.focus({ cursor: 'all' });
  }, [focusToken]);
  const options = useMemo(() => risks.map((r) => ({ value: r.id, label: riskOptionLabel(r), search: `${r.code} ${r.name} ${r.unitName} ${r.location ?? ''}` })), [risks]);
  // Linked points missing from the register list are archived (or deleted): main refuses to save them.
  const missing = risksLoading ? [] : area.riskPointIds.filter((id) => !riskById.has(id));
  const allOptions = missing.length ? [...options, ...missing.map((id) => ({ value: id, label: '已归档或已删除的风险点', search: '' }))] : options;
  const kind = KIND_NAME[area.kind];
  const blank = !area.label.trim();

  return (
    <Card
      size="small"
      data-testid="risk-map-area-panel"
      title={
        <Space size={6}>
          {area.kind === 'POLYGON' ? <GatewayOutlined /> : <EnvironmentOutlined />}
          {kind}（第 {index + 1} 个）
        </Space>
      }
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭" title="取消选择（Esc）" />}
    >
      <Form layout="vertical" component="div">
        <Form.Item label="名称" required validateStatus={blank ? 'error' : undefined} help={blank ? `请填写${kind}名称` : undefined}>
          <Input ref={input} value={area.label} maxLength={40} showCount placeholder="如 危化品仓库、1# 车间" onChange={(e) => onLabel(e.target.value)} data-testid="risk-map-area-label" />
        </Form.Item>
        <Form.Item
          label="关联风险点"
          extra={risks.length || risksLoading ? '颜色取所关联风险点中的最高等级；可按编号、名称、单位或位置搜索' : undefined}
        >
          <Select<string[]>
            mode="multiple"
            value={area.riskPointIds}
            onChange={onRisks}
            options={allOptions}
            showSearch={{ optionFilterProp: ['label', 'search'] }}
            loading={risksLoading}
            maxCount={100}
            placeholder="选择风险点"
            notFoundContent={risksLoading ? '正在载入风险清单…' : risks.length ? '没有匹配的风险点' : '风险清单中还没有风险点'}
            optionRender={(o) => {
              const r = riskById.get(String(o.value));
              return (
                <div style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }}>
                  <span className="sl-map-swatch" style={{ background: r?.level ? RISK_COLORS[r.level].hex : UNASSESSED_COLOR }} aria-hidden />
                  <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>{o.label}</span>
                  {r && <span className="sl-muted" style={{ fontSize: 12 }}>{r.unitName}</span>}
                </div>
              );
            }}
            tagRender={({ value, label, closable, onClose: close }) => {
              const r = riskById.get(String(value));
              return (
                <Tag
                  closable={closable}
                  onClose={close}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                  }}
                  color={r ? undefined : 'error'}
                  style={{ marginInlineEnd: 4, marginBlock: 2, maxWidth: '100%', display: 'inline-flex', alignItems: 'center' }}
                  title={r ? riskOptionLabel(r) : String(label)}
                >
                  {r && <span className="sl-map-swatch" style={{ background: r.level ? RISK_COLORS[r.level].hex : UNASSESSED_COLOR, marginInlineEnd: 4 }} aria-hidden />}
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r ? `${r.code} ${r.name}` : label}</span>
                </Tag>
              );
            }}
            data-testid="risk-map-area-risks"
          />
        </Form.Item>
        {!risksLoading && !risks.length && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="风险清单中还没有风险点" description={<Link to="/risks">去风险分级管控清单辨识风险点</Link>} />
        )}
        {missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`有 ${missing.length} 个关联的风险点已归档或已删除`}
            description="归档的风险点不参与着色，且不能保存在图上。"
            action={
              <Button size="small" onClick={() => onRisks(area.riskPointIds.filter((id) => riskById.has(id)))}>
                移除
              </Button>
            }
          />
        )}
        <Form.Item label={`${kind}颜色`}>
          <Space size={8} wrap>
            <AreaLevelTag level={level} linked={area.riskPointIds.length} testId="risk-map-area-level" />
            <span className="sl-muted">{area.riskPointIds.length ? `${area.riskPointIds.length} 个风险点` : '关联风险点后自动着色'}</span>
          </Space>
        </Form.Item>
      </Form>
      {area.riskPointIds.length > 0 && (
        <div style={{ marginBottom: 12, fontSize: 12 }}>
          {area.riskPointIds
            .map((id) => riskById.get(id))
            .filter((r): r is RiskRow => Boolean(r))
            .slice(0, 8)
            .map((r) => (
              <div key={r.id} className="sl-map-area-row" style={{ padding: '2px 0', cursor: 'default' }}>
                <span className="sl-map-area-row-main">
                  <Link to={registerLink({ risk: r.id })}>{r.code}</Link> {r.name}
                </span>
                <LevelTag level={r.level} />
              </div>
            ))}
          {area.riskPointIds.length > 8 && <span className="sl-muted">等 {area.riskPointIds.length} 个</span>}
        </div>
      )}
      <Space wrap>
        {area.kind === 'POLYGON' && (
          <Button icon={<NodeIndexOutlined />} type={editVertices ? 'primary' : 'default'} onClick={onToggleVertices} data-testid="risk-map-edit-vertices">
            {editVertices ? '完成顶点编辑' : '编辑顶点'}
          </Button>
        )}
        <Button icon={<AimOutlined />} onClick={onFocus}>
          定位
        </Button>
        <Popconfirm title={`删除${kind}「${area.label.trim() || '未命名'}」？`} description="保存后生效；保存前可撤销。" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={onDelete}>
          <Button danger icon={<DeleteOutlined />} data-testid="risk-map-area-delete">
            删除{kind}
          </Button>
        </Popconfirm>
      </Space>
      {area.kind === 'POLYGON' && editVertices && (
        <Typography.Paragraph type="secondary" style={{ margin: '10px 0 0', fontSize: 12 }}>
          拖动白色圆点移动顶点；拖动边中间的蓝点插入顶点；双击或右键单击顶点删除（至少保留 3 个）。
        </Typography.Paragraph>
      )}
      {area.kind === 'MARKER' && (
        <Typography.Paragraph type="secondary" style={{ margin: '10px 0 0', fontSize: 12 }}>
          拖动图上的标记可以移动它的位置。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function AreaList({
  areas,
  levels,
  selectedKey,
  onPick,
}: {
  areas: readonly DraftArea[];
  levels: ReadonlyMap<string, RiskLevel | null>;
  selectedKey: string | null;
  onPick: (key: string) => void;
}) {
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const shown = needle ? areas.filter((a) => a.label.toLowerCase().includes(needle)) : areas;
  return (
    <Card
      size="small"
      className="sl-map-area-list"
      title={`全部区域和标记（${areas.length}）`}
      extra={areas.length > 0 && <Input.Search size="small" allowClear placeholder="按名称查找" style={{ width: 150 }} value={q} onChange={(e) => setQ(e.target.value)} data-testid="risk-map-area-search" />}
      data-testid="risk-map-area-list"
    >
      {!areas.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有区域。选择「画区域」在平面图上单击画出多边形，或选择「放置标记」标出设备、部位。" />
      ) : !shown.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有名称包含「${q.trim()}」的区域`} />
      ) : (
        shown.map((a) => <AreaRow key={a.key} area={a} level={levels.get(a.key) ?? null} selected={a.key === selectedKey} onPick={onPick} />)
      )}
    </Card>
  );
}

const AreaRow = memo(function AreaRow({ area, level, selected, onPick }: { area: DraftArea; level: RiskLevel | null; selected: boolean; onPick: (key: string) => void }) {
  const row = useRef<HTMLDivElement>(null);
  // An area picked on the plan is shown in the list too.
  useEffect(() => {
    if (selected) row.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <div ref={row} className={selected ? 'sl-map-area-row is-selected' : 'sl-map-area-row'} onClick={() => onPick(area.key)} data-testid="risk-map-list-item" role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onPick(area.key)}>
      {area.kind === 'POLYGON' ? <GatewayOutlined className="sl-muted" /> : <EnvironmentOutlined className="sl-muted" />}
      <span className="sl-map-area-row-main" title={area.label}>
        {area.label.trim() || <Typography.Text type="danger">未命名</Typography.Text>}
      </span>
      <span className="sl-map-area-row-meta">{area.riskPointIds.length} 个风险点</span>
      <AreaLevelTag level={level} linked={area.riskPointIds.length} />
    </div>
  );
});

import { Table, Tag, Typography } from 'antd';
import type { DutyItem, DutyListSummary } from '../../../../preload/contract/duties.ts';
import { DutyCategory } from '../../../../preload/contract/enums.ts';

export const STATE_TAG: Record<DutyListSummary['state'], { label: string; color: string }> = {
  IN_FORCE: { label: '现行', color: 'green' },
  SUPERSEDED: { label: '已废止', color: 'default' },
  FUTURE: { label: '待生效', color: 'blue' },
  DRAFT: { label: '草稿', color: 'orange' },
};

export function StateTag({ state }: { state: DutyListSummary['state'] }) {
  return <Tag color={STATE_TAG[state].color}>{STATE_TAG[state].label}</Tag>;
}

/** A list version's items, read-only. */
export function DutyItemsTable({ items }: { items: DutyItem[] }) {
  const total = items.reduce((a, i) => a + i.weight, 0);
  return (
    <Table<DutyItem>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={false}
      data-testid="duty-items"
      columns={[
        { title: '序号', dataIndex: 'itemNo', width: 56, align: 'center' },
        {
          title: '职责内容',
          render: (_, i) => (
            <div>
              <div>{i.content}</div>
              {(i.scope || i.legalBasis) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[i.scope ? `范围：${i.scope}` : null, i.legalBasis ? `依据：${i.legalBasis}` : null].filter(Boolean).join('；')}
                </Typography.Text>
              )}
            </div>
          ),
        },
        { title: '类别', dataIndex: 'category', width: 96, render: (c: DutyItem['category']) => <Tag>{DutyCategory.label[c]}</Tag> },
        { title: '考核标准', dataIndex: 'assessmentStandard', width: 300, render: (v: string | null) => <Typography.Text style={{ fontSize: 12 }}>{v ?? '—'}</Typography.Text> },
        { title: '分值', dataIndex: 'weight', width: 64, align: 'center' },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4} align="right">
            合计
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="center">
            <b>{total}</b>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

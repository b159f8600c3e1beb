import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Select, Skeleton, Space, Tabs, Tooltip, Typography } from 'antd';
import { FilePdfOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { Period } from '../../../../preload/contract/assessments.ts';
import { PeriodKind } from '../../../../preload/contract/enums.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { printLink } from '../print/queue.ts';
import { NewPeriodModal } from './NewPeriodModal.tsx';
import { PeopleTab } from './PeopleTab.tsx';
import { ResultsTab } from './ResultsTab.tsx';
import { PeriodStatusTag, isRowStatus, periodOptionLabel } from './shared.tsx';

const DESCRIPTION = '按考核周期对每位员工履行本岗位安全生产责任清单的情况逐条评分（安全生产法第二十二条），扣分写明原因和依据；结果按单位汇总并通报，与绩效和奖惩挂钩。';

export function AssessmentsPage() {
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const [creating, setCreating] = useState(false);
  const periods = useApi('assessment.periods', {});
  const list = periods.data ?? [];
  const wanted = params.get('period');
  const period = list.find((p) => p.id === wanted) ?? list[0] ?? null;
  const tab = params.get('tab') === 'results' ? 'results' : 'people';
  const unitId = params.get('unit');
  const search = params.get('q');
  const rawStatus = params.get('status');
  const status = isRowStatus(rawStatus) ? rawStatus : null;
  const results = useApi('assessment.results', { periodId: period?.id ?? '' }, { enabled: !!period });
  const close = useApiMutation('assessment.closePeriod');

  const selectPeriod = (id: string) => update({ period: id });

  const confirmClose = (p: Period) => {
    const overall = results.data?.period.id === p.id ? results.data.overall : null;
    const unfinished = overall ? overall.people - overall.assessed : null;
    void modal.confirm({
      title: `结束「${p.label}」考核？`,
      width: 520,
      okText: '结束考核',
      cancelText: '取消',
      okButtonProps: { danger: true },
      content: (
        <div>
          <p>结束后本周期的所有评分、扣分原因、考核人和评语都将锁定，不能再修改，也不能再为其他人员补充考核；结果以此为准通报。</p>
          <p>已考核 {p.assessed} 人次。</p>
          {unfinished !== null && unfinished > 0 && (
            <Alert type="warning" showIcon title={`还有 ${unfinished} 人次未完成考核`} description="未评完的人员不会计入优秀、合格、不合格统计。如需补评，请先取消，评完后再结束。" />
          )}
        </div>
      ),
      onOk: () =>
        close.mutateAsync({ id: p.id }).then(
          (after) => void message.success(`「${after.label}」考核已结束，评分已锁定`),
          (e: unknown) => {
            void message.error(errorMessage(e));
          },
        ),
    });
  };

  const header = (
    <PageHeader
      title="责任制考核"
      description={DESCRIPTION}
      extra={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          {list.length > 0 && (
            <Select
              style={{ width: 240 }}
              value={period?.id}
              onChange={selectPeriod}
              showSearch={{ optionFilterProp: 'label' }}
              options={list.map((p) => ({ value: p.id, label: periodOptionLabel(p) }))}
              data-testid="assessment-period"
            />
          )}
          <Button type={list.length ? 'default' : 'primary'} icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="assessment-new-period">
            新建考核周期
          </Button>
          {period?.status === 'OPEN' && (
            <Tooltip title={period.assessed === 0 ? '本周期还没有任何考核记录，不能结束' : '结束后评分锁定，不能再修改'}>
              <Button icon={<LockOutlined />} disabled={period.assessed === 0} loading={close.isPending} onClick={() => confirmClose(period)} data-testid="assessment-close">
                结束考核
              </Button>
            </Tooltip>
          )}
          {period && (
            <>
              <Tooltip title={unitId ? '打印当前所选单位人员的考核表' : '打印全部人员的考核表；先选单位可只打印该单位'}>
                <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('assessmentSheet', { recordId: period.id, unitId }))}>
                  打印考核表
                </Button>
              </Tooltip>
              <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('assessmentNotice', { recordId: period.id }))}>
                打印结果通报
              </Button>
            </>
          )}
        </Space>
      }
    />
  );

  const newPeriodModal = creating && (
    <NewPeriodModal
      periods={list}
      onClose={() => setCreating(false)}
      onCreated={(p) => {
        setCreating(false);
        update({ period: p.id, tab: null });
      }}
    />
  );

  if (periods.isPending) {
    return (
      <div className="sl-page" data-testid="assessments-page">
        {header}
        <Skeleton active />
      </div>
    );
  }

  if (periods.isError) {
    return (
      <div className="sl-page" data-testid="assessments-page">
        {header}
        <Alert type="error" showIcon title="考核周期加载失败" description={periods.error.message} action={<Button size="small" onClick={() => void periods.refetch()}>重试</Button>} />
        {newPeriodModal}
      </div>
    );
  }

  if (!period) {
    return (
      <div className="sl-page" data-testid="assessments-page">
        {header}
        <Card>
          <Empty
            description={
              <div style={{ maxWidth: 560, margin: '0 auto', textAlign: 'left' }}>
                <Typography.Paragraph strong style={{ textAlign: 'center' }}>
                  还没有考核周期
                </Typography.Paragraph>
                <ol className="sl-muted" style={{ paddingInlineStart: 20, margin: 0 }}>
                  <li>先在「全员责任制」中为各岗位编制并批准安全生产责任清单，清单的每条职责和分值就是考核的评分项；</li>
                  <li>点击「新建考核周期」，按月度、季度或年度建立本期考核（周期开始后才能建立）；</li>
                  <li>逐人打开考核表评分，扣分写明原因和依据；全部评完后查看结果汇总、打印结果通报，最后「结束考核」锁定评分。</li>
                </ol>
              </div>
            }
          >
            <Space>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建考核周期
              </Button>
              <Link to="/duties">去看全员责任制</Link>
            </Space>
          </Empty>
        </Card>
        {newPeriodModal}
      </div>
    );
  }

  const grades = results.data?.grades;

  return (
    <div className="sl-page" data-testid="assessments-page">
      {header}
      <div className="sl-toolbar" style={{ marginBottom: 8 }} data-testid="assessment-period-info">
        <Typography.Text strong>{period.label}</Typography.Text>
        <span className="sl-muted">{PeriodKind.label[period.kind]}考核</span>
        <span>
          <span className="sl-muted">起止日期 </span>
          {period.startDate} 至 {period.endDate}
        </span>
        <PeriodStatusTag status={period.status} />
        <span>
          <span className="sl-muted">已考核 </span>
          {period.assessed} 人次
        </span>
        {grades && (
          <span className="sl-muted">
            等级：优秀 ≥ {grades.excellent}%，合格 ≥ {grades.pass}%，一票否决为不合格（分数线在<Link to="/settings">系统设置</Link>中调整）
          </span>
        )}
      </div>
      {period.status === 'CLOSED' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="本周期考核已结束，评分已锁定，只能查看和打印。" />}
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'people' ? null : k })}
        items={[
          {
            key: 'people',
            label: '考核评分',
            children: (
              <PeopleTab
                period={period}
                unitId={unitId}
                search={search}
                status={status}
                onFilter={(f) => update(f)}
              />
            ),
          },
          {
            key: 'results',
            label: '结果汇总',
            children: <ResultsTab periodId={period.id} onOpenUnit={(id) => update({ tab: null, unit: id, status: null, q: null })} />,
          },
        ]}
      />
      {newPeriodModal}
    </div>
  );
}

import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { EmploymentType, PersonStatus, TraineeRole } from '../../../../preload/contract/enums.ts';
import type { TrainingArchive } from '../../../../preload/contract/training.ts';
import { useApi } from '../../lib/api.ts';
import { dash } from '../../lib/format.ts';
import { printLink } from '../print/queue.ts';
import { CertDueTag, PassTag, RoleTag, SignMethodTag, TrainingTypeTag, hoursText, sessionLink } from './trainingMeta.tsx';

type YearRow = TrainingArchive['years'][number];
type SessionRow = TrainingArchive['sessions'][number];
type DrillRow = TrainingArchive['drills'][number];
type CertRow = TrainingArchive['certificates'][number];
type Level = TrainingArchive['induction']['company'];

const LABEL_STYLES = { label: { whiteSpace: 'nowrap' as const, width: 96 } };

/** One level of 三级教育; a missing level is red only while it is required (a new hire in the lookback). */
function InductionLevel({ name, level, required, testId }: { name: string; level: Level; required: boolean; testId: string }) {
  return (
    <div className={`sl-training-induction-level${!level && required ? ' is-missing' : ''}`} data-testid={testId}>
      <h4>
        <span>{name}</span>
        {level ? <Tag color="green">已完成</Tag> : <Tag color={required ? 'red' : 'default'}>无记录</Tag>}
      </h4>
      {level ? (
        <>
          <div>
            <Link to={sessionLink(level.sessionId)}>{level.code}</Link> · {level.date}
          </div>
          <div>
            {hoursText(level.hours)} 学时 · 授课人 {level.trainer}
          </div>
        </>
      ) : (
        <div>未找到该级教育的培训签到</div>
      )}
    </div>
  );
}

/**
 * 一人一档: one person's safety training file — who they are (ID number
 * masked), the hour rule for their role and its legal basis, hours per year
 * against it, the three induction levels, post changes and retraining, every
 * session and drill attended, certificates, and what an inspector would find missing.
 */
export function ArchiveDrawer({ personId, onClose }: { personId: string; onClose: () => void }) {
  const navigate = useNavigate();
  const q = useApi('training.archive', { personId });
  const a = q.data;
  const p = a?.person;
  const inductionRequired = !!a?.flags.some((f) => f.startsWith('新员工'));

  return (
    <Drawer
      open
      size={1000}
      onClose={onClose}
      destroyOnHidden
      data-testid="archive-drawer"
      title={
        p && a ? (
          <Space size={8} wrap>
            <span>一人一档</span>
            <span data-testid="archive-name">{p.name}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {p.staffNo}
            </Typography.Text>
            <Tag color={p.status === 'ACTIVE' ? 'green' : 'default'}>{PersonStatus.label[p.status as keyof typeof PersonStatus.label] ?? p.status}</Tag>
            <RoleTag role={a.role} />
          </Space>
        ) : (
          '一人一档'
        )
      }
      extra={
        a && (
          <Space>
            <Button icon={<UserOutlined />} onClick={() => navigate(`/people?open=${a.person.id}`)}>
              人员信息
            </Button>
            <Button type="primary" icon={<FilePdfOutlined />} onClick={() => navigate(printLink('trainingRecordCard', { recordId: a.person.id }))} data-testid="archive-print">
              打印培训档案
            </Button>
          </Space>
        )
      }
    >
      {q.isError && <Alert type="error" showIcon title={q.error.code === 'NOT_FOUND' ? '人员不存在或已删除' : q.error.message} />}
      {q.isPending && <Skeleton active paragraph={{ rows: 14 }} />}
      {a && p && (
        <div data-testid="archive-body">
          {a.flags.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`档案存在 ${a.flags.length} 个问题`}
              description={
                <ul className="sl-training-flags">
                  {a.flags.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              }
              data-testid="archive-flags"
            />
          ) : (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} title="学时、三级教育和转岗培训均无问题" data-testid="archive-flags" />
          )}

          <div className="sl-training-section-title">基本信息</div>
          <Descriptions size="small" bordered column={3} styles={LABEL_STYLES} data-testid="archive-person">
            <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
            <Descriptions.Item label="工号">{p.staffNo}</Descriptions.Item>
            <Descriptions.Item label="身份证号">
              <span data-testid="archive-id-number">{p.idNumberMasked ?? <span className="sl-muted">未登记</span>}</span>
            </Descriptions.Item>
            <Descriptions.Item label="单位">{p.unitName}</Descriptions.Item>
            <Descriptions.Item label="岗位" span={2}>
              {p.postNames || <span className="sl-muted">无现任岗位</span>}
            </Descriptions.Item>
            <Descriptions.Item label="用工形式">
              {EmploymentType.label[p.employmentType as keyof typeof EmploymentType.label] ?? p.employmentType}
              {p.employerName ? `（${p.employerName}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="入职日期">{dash(p.hireDate)}</Descriptions.Item>
            <Descriptions.Item label="离职日期">{dash(p.leftDate)}</Descriptions.Item>
          </Descriptions>

          <div className="sl-training-section-title">学时要求与完成情况</div>
          <Descriptions size="small" bordered column={3} styles={LABEL_STYLES} style={{ marginBottom: 8 }} data-testid="archive-rule">
            <Descriptions.Item label="人员类别">{TraineeRole.label[a.role]}</Descriptions.Item>
            <Descriptions.Item label="初次培训">{a.rule?.initialHours != null ? `不少于 ${a.rule.initialHours} 学时` : '无要求'}</Descriptions.Item>
            <Descriptions.Item label="每年再培训">{a.rule?.yearlyHours != null ? `不少于 ${a.rule.yearlyHours} 学时` : '无要求'}</Descriptions.Item>
            <Descriptions.Item label="依据" span={3}>
              {a.rule ? `${a.rule.basis}${a.rule.highRisk ? '（高危行业）' : ''}` : <span className="sl-muted">培训设置中没有该类人员的学时规则</span>}
            </Descriptions.Item>
          </Descriptions>
          <Table<YearRow>
            size="small"
            rowKey="year"
            bordered
            pagination={false}
            dataSource={a.years}
            data-testid="archive-years"
            onRow={(y) => ({ 'data-testid': `archive-year-${y.year}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y} 年` },
              { title: '已培训学时', dataIndex: 'hours', width: 110, align: 'right', render: (h: number) => <b data-testid="archive-year-hours">{hoursText(h)}</b> },
              { title: '要求学时', key: 'required', width: 150, render: (_, y) => (y.required === null ? <span className="sl-muted">无要求</span> : `${hoursText(y.required)}（${y.kind === 'INITIAL' ? '初次培训' : '年度再培训'}）`) },
              { title: '是否达标', dataIndex: 'met', render: (m: boolean | null) => (m === null ? <span className="sl-muted">—</span> : m ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>) },
            ]}
          />

          <div className="sl-training-section-title">
            三级安全教育
            {a.induction.complete ? <Tag color="green">齐全</Tag> : inductionRequired ? <Tag color="red">不全</Tag> : <Tag>无完整记录</Tag>}
            {!a.induction.complete && !inductionRequired && (
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                入职时间早于核查范围，不作为问题
              </Typography.Text>
            )}
          </div>
          <div className="sl-training-induction">
            <InductionLevel name="厂级（公司级）" level={a.induction.company} required={inductionRequired} testId="archive-induction-company" />
            <InductionLevel name="车间级" level={a.induction.workshop} required={inductionRequired} testId="archive-induction-workshop" />
            <InductionLevel name="班组级" level={a.induction.team} required={inductionRequired} testId="archive-induction-team" />
          </div>

          {a.postChanges.length > 0 && (
            <>
              <div className="sl-training-section-title">转岗及重新培训</div>
              <Table
                size="small"
                rowKey={(c) => `${c.postName}-${c.startDate}`}
                bordered
                pagination={false}
                dataSource={a.postChanges}
                data-testid="archive-post-changes"
                columns={[
                  { title: '转岗日期', dataIndex: 'startDate', width: 110 },
                  { title: '新岗位', dataIndex: 'postName' },
                  { title: '单位', dataIndex: 'unitName', width: 140 },
                  { title: '车间级、班组级教育', dataIndex: 'retrained', width: 170, render: (r: boolean) => (r ? <Tag color="green">已重新培训</Tag> : <Tag color="red">未重新培训</Tag>) },
                ]}
              />
            </>
          )}

          <div className="sl-training-section-title">培训经历（{a.sessions.length} 次）</div>
          <Table<SessionRow>
            size="small"
            rowKey="sessionId"
            bordered
            pagination={a.sessions.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
            dataSource={a.sessions}
            data-testid="archive-sessions"
            locale={{ emptyText: '没有培训签到记录' }}
            columns={[
              { title: '日期', dataIndex: 'sessionDate', width: 100 },
              { title: '编号', dataIndex: 'code', width: 112, render: (c: string, s) => <Link to={sessionLink(s.sessionId)}>{c}</Link> },
              { title: '培训名称', dataIndex: 'title' },
              { title: '类型', dataIndex: 'type', width: 150, render: (t: SessionRow['type']) => <TrainingTypeTag type={t} /> },
              { title: '学时', dataIndex: 'hours', width: 56, align: 'right', render: (h: number) => hoursText(h) },
              { title: '授课人', dataIndex: 'trainer', width: 90 },
              { title: '签到', dataIndex: 'signMethod', width: 104, render: (m: SessionRow['signMethod']) => <SignMethodTag method={m} /> },
              {
                title: '成绩',
                key: 'score',
                width: 110,
                render: (_, s) => (
                  <Space size={4}>
                    {s.examScore !== null && <span>{s.examScore}</span>}
                    <PassTag passed={s.passed} />
                  </Space>
                ),
              },
            ]}
          />

          <div className="sl-training-section-title">应急演练（{a.drills.length} 次）</div>
          <Table<DrillRow>
            size="small"
            rowKey="drillId"
            bordered
            pagination={false}
            dataSource={a.drills}
            data-testid="archive-drills"
            locale={{ emptyText: '没有参加演练的记录' }}
            columns={[
              { title: '日期', dataIndex: 'drillDate', width: 100 },
              { title: '编号', dataIndex: 'code', width: 112, render: (c: string, d) => <Link to={`/drills?id=${encodeURIComponent(d.drillId)}`}>{c}</Link> },
              { title: '演练名称', dataIndex: 'title' },
              { title: '担任角色', dataIndex: 'role', width: 140, render: (r: string | null) => dash(r) },
            ]}
          />

          <div className="sl-training-section-title">持证情况（{a.certificates.length} 本）</div>
          <Table<CertRow>
            size="small"
            rowKey="id"
            bordered
            pagination={false}
            dataSource={a.certificates}
            data-testid="archive-certificates"
            locale={{ emptyText: '没有登记证书' }}
            columns={[
              { title: '证书类型', dataIndex: 'certTypeName', width: 180 },
              { title: '作业类别 / 项目', dataIndex: 'category', render: (c: string | null) => dash(c) },
              { title: '证号', dataIndex: 'number', width: 180 },
              { title: '到期 / 复审日期', dataIndex: 'dueDate', width: 120, render: (d: string | null) => dash(d) },
              { title: '状态', dataIndex: 'dueState', width: 96, render: (s: CertRow['dueState']) => <CertDueTag state={s} /> },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}

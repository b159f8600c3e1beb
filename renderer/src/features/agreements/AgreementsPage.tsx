import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Form, Input, Modal, Progress, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, SignatureOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { AGREEMENT_LEVELS, AgreementLevelLabel, type AgreementRow } from '../../../../preload/contract/agreements.ts';
import { useApi, useApiMutation, errorMessage } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { SignatureModal } from '../../components/SignatureModal.tsx';
import { FileUpload } from '../../components/FileUpload.tsx';
import { printLink } from '../print/queue.ts';

const STATUS: Record<AgreementRow['status'], { label: string; color: string }> = {
  SIGNED: { label: '已签订', color: 'green' },
  PARTIAL: { label: '待对方签署', color: 'orange' },
  UNSIGNED: { label: '未签署', color: 'red' },
};

export function AgreementsPage() {
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const [year, setYear] = useState(dayjs().year());
  const [filter, setFilter] = useState<{ level?: AgreementRow['level']; unitId: string | null; status?: AgreementRow['status']; search: string | null }>({ unitId: null, search: null });
  const [page, setPage] = useState(1);
  const [editingTemplate, setEditingTemplate] = useState(false);
  const [signing, setSigning] = useState<{ row: AgreementRow; party: 'A' | 'B' } | null>(null);
  const [scan, setScan] = useState<{ row: AgreementRow; attachmentId: string } | null>(null);
  const progress = useApi('agreement.progress', { year });
  const list = useApi('agreement.list', { year, ...filter, page, pageSize: 50 }, { placeholderData: (p) => p });
  const template = useApi('agreement.template', { year });
  const generate = useApiMutation('agreement.generate');
  const sign = useApiMutation('agreement.sign');
  const total = progress.data?.levels.reduce((s, l) => s + l.total, 0) ?? 0;

  const runGenerate = () =>
    generate.mutate(
      { year },
      {
        onSuccess: (r) =>
          void modal.info({
            title: '批量生成完成',
            width: 560,
            content: (
              <div>
                <p>新增 {r.created} 份，更新 {r.updated} 份（未签署的按最新模板更新），{r.unchanged} 份未变。</p>
                {r.skipped.length > 0 && (
                  <Alert type="warning" showIcon title={`${r.skipped.length} 个单位未能生成`} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{r.skipped.map((s) => <li key={s.unitName + s.reason}>「{s.unitName}」：{s.reason}</li>)}</ul>} />
                )}
              </div>
            ),
          }),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  return (
    <div className="sl-page" data-testid="agreements-page">
      <PageHeader
        title="安全生产目标责任书"
        description="按组织机构逐级签订：公司与部门/车间负责人、部门/车间负责人与班组长、班组长与员工。由一份年度模板批量生成，签署方式与承诺书相同。"
        extra={
          <Space>
            <Select value={year} onChange={(y) => { setYear(y); setPage(1); }} style={{ width: 120 }} options={[dayjs().year() + 1, dayjs().year(), dayjs().year() - 1, dayjs().year() - 2].map((y) => ({ value: y, label: `${y} 年度` }))} />
            <Button onClick={() => setEditingTemplate(true)}>编辑模板</Button>
            <Button type="primary" icon={<ThunderboltOutlined />} loading={generate.isPending} onClick={runGenerate} data-testid="agreements-generate">
              批量生成
            </Button>
          </Space>
        }
      />
      {template.data && !template.data.saved && total === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${year} 年度尚未生成目标责任书`} description="可先「编辑模板」调整各层级的目标，再「批量生成」；模板未修改时使用系统默认文本。" />
      )}
      <Row gutter={12} style={{ marginBottom: 16 }}>
        {(progress.data?.levels ?? []).map((l) => (
          <Col span={8} key={l.level}>
            <Card size="small" title={AgreementLevelLabel[l.level]} extra={<span className="sl-muted">{l.total} 份</span>}>
              <Progress percent={l.total ? Math.round((l.signed / l.total) * 100) : 0} status={l.total && l.signed === l.total ? 'success' : 'normal'} />
              <Space size={16} className="sl-muted">
                <span>已签订 {l.signed}</span>
                <span>待对方 {l.partial}</span>
                <span style={{ color: l.unsigned ? '#cf1322' : undefined }}>未签 {l.unsigned}</span>
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small">
        <div className="sl-toolbar">
          <Input.Search placeholder="姓名、工号或单位" allowClear style={{ width: 200 }} onSearch={(v) => { setFilter((f) => ({ ...f, search: v.trim() || null })); setPage(1); }} />
          <Select allowClear placeholder="全部层级" style={{ width: 170 }} value={filter.level} onChange={(v) => { setFilter((f) => ({ ...f, level: v })); setPage(1); }} options={AGREEMENT_LEVELS.map((l) => ({ value: l, label: AgreementLevelLabel[l] }))} />
          <UnitSelect value={filter.unitId} onChange={(v) => { setFilter((f) => ({ ...f, unitId: v })); setPage(1); }} placeholder="全部单位" style={{ width: 200 }} />
          <Select allowClear placeholder="签订状态" style={{ width: 140 }} value={filter.status} onChange={(v) => { setFilter((f) => ({ ...f, status: v })); setPage(1); }} options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))} data-testid="agreements-status" />
          <span style={{ flex: 1 }} />
          <Button icon={<FilePdfOutlined />} disabled={!total} onClick={() => navigate(printLink('targetAgreements', { recordId: progress.data ? String(year) : null, level: filter.level ?? null, unitId: filter.unitId, onlyUnsigned: filter.status && filter.status !== 'SIGNED' ? '1' : null }))}>
            打印责任书
          </Button>
          <Button disabled={!total} onClick={() => navigate(printLink('targetAgreementStatus', { recordId: String(year), level: filter.level ?? null, unitId: filter.unitId }))}>打印签订情况表</Button>
        </div>
        <Table<AgreementRow>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 份` }}
          columns={[
            { title: '层级', dataIndex: 'level', width: 140, render: (l: AgreementRow['level']) => AgreementLevelLabel[l] },
            { title: '单位', dataIndex: 'unitName', width: 110 },
            { title: '甲方', render: (_, r) => r.partyAPerson ?? r.partyAName, width: 90 },
            { title: '乙方', render: (_, r) => `${r.partyBName}（${r.partyBStaffNo}）`, width: 150 },
            { title: '乙方签署', render: (_, r) => r.signatureB?.signedOn ?? '—', width: 110 },
            { title: '甲方签署', render: (_, r) => r.signatureA?.signedOn ?? '—', width: 110 },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: AgreementRow['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
            {
              title: '签署',
              render: (_, r) =>
                r.status === 'SIGNED' ? null : (
                  <Space size={4} wrap>
                    {!r.signatureB && <Button size="small" icon={<SignatureOutlined />} onClick={() => setSigning({ row: r, party: 'B' })} data-testid="agreement-sign-b">乙方签名</Button>}
                    {!r.signatureA && <Button size="small" icon={<SignatureOutlined />} onClick={() => setSigning({ row: r, party: 'A' })}>甲方签名</Button>}
                    <FileUpload size="small" purpose="imageOrPdf" label="扫描件" onUploaded={(a) => setScan({ row: r, attachmentId: a.id })} />
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {signing && (
        <SignatureModal
          open
          title={`${signing.party === 'A' ? '甲方' : '乙方'}签署目标责任书`}
          signer={signing.party === 'A' ? (signing.row.partyAPerson ?? signing.row.partyAName) : signing.row.partyBName}
          loading={sign.isPending}
          statement={<>{AgreementLevelLabel[signing.row.level]} · {signing.row.unitName}：甲方 {signing.row.partyAPerson ?? signing.row.partyAName}，乙方 {signing.row.partyBName}。签名后该方不能再修改。</>}
          onCancel={() => setSigning(null)}
          onSign={(png, signedOn) =>
            sign.mutate(
              { id: signing.row.id, party: signing.party, signaturePngBase64: png, signedOn },
              { onSuccess: () => { setSigning(null); void message.success('已签署'); }, onError: (e) => void message.error(errorMessage(e)) },
            )
          }
        />
      )}
      {scan && <ScanDialog row={scan.row} attachmentId={scan.attachmentId} onClose={() => setScan(null)} />}
      {editingTemplate && template.data && <TemplateEditor year={year} initial={template.data} onClose={() => setEditingTemplate(false)} />}
    </div>
  );
}

function ScanDialog({ row, attachmentId, onClose }: { row: AgreementRow; attachmentId: string; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const m = useApiMutation('agreement.signWithScan');
  return (
    <Modal
      open
      title="登记线下签署的责任书"
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={m.isPending}
      onOk={async () => {
        const v = (await form.validateFields()) as { signedOn: dayjs.Dayjs };
        m.mutate({ id: row.id, scanAttachmentId: attachmentId, signedOn: v.signedOn.format('YYYY-MM-DD') }, { onSuccess: () => { void message.success('已登记'); onClose(); }, onError: (e) => showApiError(e, (x) => void message.error(x), form) });
      }}
    >
      <Typography.Paragraph>乙方 {row.partyBName}、甲方 {row.partyAPerson ?? row.partyAName} 尚未签署的一方记为线下签字，扫描件存档。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ signedOn: dayjs() }}>
        <Form.Item label="签署日期" name="signedOn" rules={[{ required: true, message: '请选择签署日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TemplateEditor({ year, initial, onClose }: { year: number; initial: Record<string, unknown>; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const save = useApiMutation('agreement.saveTemplate');
  useEffect(() => form.setFieldsValue(initial), [initial, form]);
  const area = (name: string, label: string, rows = 5) => (
    <Form.Item label={label} name={name} rules={[{ required: true, message: `请填写${label}` }]}>
      <Input.TextArea rows={rows} maxLength={5000} />
    </Form.Item>
  );
  return (
    <Modal
      open
      width={860}
      title={`${year} 年度目标责任书模板`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { title: string; preamble: string; targetsCompanyUnit: string; targetsUnitTeam: string; targetsTeamWorker: string; terms: string };
        save.mutate({ year, ...v }, { onSuccess: () => { void message.success('模板已保存，未签署的责任书已同步更新'); onClose(); }, onError: (e) => showApiError(e, (x) => void message.error(x), form) });
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={100} /></Form.Item>
        {area('preamble', '总则', 3)}
        <Row gutter={12}>
          <Col span={8}>{area('targetsCompanyUnit', '公司—部门/车间目标', 9)}</Col>
          <Col span={8}>{area('targetsUnitTeam', '部门/车间—班组目标', 9)}</Col>
          <Col span={8}>{area('targetsTeamWorker', '班组—员工目标', 9)}</Col>
        </Row>
        {area('terms', '考核与奖惩条款', 5)}
      </Form>
    </Modal>
  );
}

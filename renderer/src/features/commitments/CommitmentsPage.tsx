import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Image, Input, Modal, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, FilePdfOutlined, SignatureOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { CommitmentOverview, LetterVersion } from '../../../../preload/contract/commitments.ts';
import { useApi, useApiMutation, errorMessage } from '../../lib/api.ts';
import { clean, showApiError } from '../../lib/forms.ts';
import { dash, formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SignatureModal } from '../../components/SignatureModal.tsx';
import { FileUpload } from '../../components/FileUpload.tsx';
import { printLink } from '../print/queue.ts';

export function AttachmentThumb({ id, name }: { id: string; name: string }) {
  const q = useApi('attachment.dataUrl', { id }, { staleTime: Infinity, retry: false });
  if (q.isError) return <Tag>{name}</Tag>;
  return q.data ? <Image src={q.data.dataUrl} alt={name} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} /> : <Skeleton.Image active />;
}

export function CommitmentsPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = useApi('commitment.overview', year === undefined ? {} : { year });
  const o = q.data;
  const thisYear = dayjs().year();
  const yearOptions = [...new Set([thisYear + 1, thisYear, ...(o?.years ?? []), o?.year ?? thisYear])].sort((a, b) => b - a);
  return (
    <div className="sl-page" data-testid="commitments-page">
      <PageHeader
        title="安全生产承诺书"
        description="主要负责人年度承诺书：按年度建立、签署（屏幕手写或线下签字扫描）、公示和报送。签署后修改正文会形成新版本，需要重新签署，旧版本存档。"
        extra={<Select style={{ width: 140 }} value={o?.year} onChange={setYear} options={yearOptions.map((y) => ({ value: y, label: `${y} 年度` }))} data-testid="commitment-year" />}
      />
      {q.isError && <Alert type="error" title={q.error.message} />}
      {o && <Overview o={o} />}
    </div>
  );
}

function Overview({ o }: { o: CommitmentOverview }) {
  const [editing, setEditing] = useState<'create' | 'edit' | 'newVersion' | null>(null);
  const cur = o.current;
  return (
    <>
      {o.attention && <Alert type="warning" showIcon title={o.attention} style={{ marginBottom: 16 }} data-testid="commitment-attention" />}
      {!cur ? (
        <Card>
          <Empty description={`${o.year} 年度的承诺书尚未建立`}>
            <Button type="primary" disabled={!o.principal} onClick={() => setEditing('create')} data-testid="commitment-create">
              建立 {o.year} 年度承诺书
            </Button>
          </Empty>
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={15}>
            <CurrentLetter o={o} letter={cur} onEdit={() => setEditing(cur.status === 'DRAFT' && cur.signer.id === o.principal?.id ? 'edit' : 'newVersion')} />
          </Col>
          <Col xs={24} xl={9}>
            {cur.status === 'SIGNED' && <PublicityCard letter={cur} publicity={o.publicity} />}
            <VersionsCard versions={o.versions} />
          </Col>
        </Row>
      )}
      {editing && <LetterEditor o={o} mode={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function CurrentLetter({ o, letter, onEdit }: { o: CommitmentOverview; letter: LetterVersion; onEdit: () => void }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [signing, setSigning] = useState(false);
  const [scanId, setScanId] = useState<{ id: string; name: string } | null>(null);
  const sign = useApiMutation('commitment.signOnScreen');
  const signed = letter.status === 'SIGNED';
  const sig = letter.signature;
  const canSign = !signed && letter.signer.id === o.principal?.id;
  return (
    <Card
      title={
        <Space>
          {letter.title}
          <Tag>第 {letter.version} 版</Tag>
          {signed ? <Tag color="green">已签署</Tag> : <Tag color="orange">未签署</Tag>}
        </Space>
      }
      extra={
        <Space>
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="commitment-edit">
            {signed || !canSign ? '修改并建立新版本' : '编辑'}
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('commitmentLetter', { recordId: letter.id }))} data-testid="commitment-print">
            预览与打印
          </Button>
        </Space>
      }
      data-testid="commitment-current"
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="签署人">{letter.signer.name}（主要负责人）</Descriptions.Item>
        <Descriptions.Item label="承诺对象">{dash(letter.recipient)}</Descriptions.Item>
        {letter.changeReason && <Descriptions.Item label="修订原因" span={2}>{letter.changeReason}</Descriptions.Item>}
      </Descriptions>
      <div className="sl-letter-text" data-testid="commitment-text">{letter.content}</div>
      {signed && sig ? (
        <Card size="small" style={{ marginTop: 12, background: '#f6ffed', borderColor: '#b7eb8f' }} data-testid="commitment-signature">
          <Row gutter={16} align="middle">
            <Col flex="auto">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="签署方式">{sig.method === 'ON_SCREEN' ? '屏幕手写签名' : '线下签字，扫描件存档'}</Descriptions.Item>
                <Descriptions.Item label="签署人 / 日期">{sig.signerName} · {sig.signedOn}（登记人 {sig.recordedByOperator}）</Descriptions.Item>
                <Descriptions.Item label="签署文本 SHA-256"><span className="sl-hash">{sig.contentHash}</span></Descriptions.Item>
              </Descriptions>
            </Col>
            <Col>{sig.signatureAttachmentId ? <AttachmentThumb id={sig.signatureAttachmentId} name="签名" /> : sig.scan && sig.scan.mimeType !== 'application/pdf' ? <AttachmentThumb id={sig.scan.id} name={sig.scan.originalName} /> : sig.scan ? <Tag>{sig.scan.originalName}</Tag> : null}</Col>
          </Row>
        </Card>
      ) : (
        <Space style={{ marginTop: 12 }} wrap>
          <Button type="primary" icon={<SignatureOutlined />} disabled={!canSign} onClick={() => setSigning(true)} data-testid="commitment-sign">
            {letter.signer.name} 屏幕签名
          </Button>
          <FileUpload purpose="imageOrPdf" label="上传签字盖章扫描件" testId="commitment-scan" onUploaded={(a) => setScanId({ id: a.id, name: a.originalName })} />
          <Typography.Text type="secondary">签署的是当前正文（SHA-256 {letter.contentHash.slice(0, 12)}…）；签署后不能再修改此版本。</Typography.Text>
        </Space>
      )}
      <SignatureModal
        open={signing}
        title={`签署 ${letter.title}`}
        signer={letter.signer.name}
        loading={sign.isPending}
        statement={<>本人（{letter.signer.name}）已阅读上述承诺内容，确认签署第 {letter.version} 版。签名与签署文本的 SHA-256 一并存档。</>}
        onCancel={() => setSigning(false)}
        onSign={(png, signedOn) =>
          sign.mutate(
            { id: letter.id, signaturePngBase64: png, signedOn },
            { onSuccess: () => { setSigning(false); void message.success('承诺书已签署'); }, onError: (e) => void message.error(errorMessage(e)) },
          )
        }
      />
      {scanId && <ScanDialog letterId={letter.id} scan={scanId} onClose={() => setScanId(null)} />}
    </Card>
  );
}

function ScanDialog({ letterId, scan, onClose }: { letterId: string; scan: { id: string; name: string }; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const m = useApiMutation('commitment.signWithScan');
  return (
    <Modal
      open
      title="登记线下签署"
      okText="登记"
      cancelText="取消"
      confirmLoading={m.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { signedOn: dayjs.Dayjs };
        m.mutate(
          { id: letterId, scanAttachmentId: scan.id, signedOn: v.signedOn.format('YYYY-MM-DD') },
          { onSuccess: () => { void message.success('已登记线下签署'); onClose(); }, onError: (e) => showApiError(e, (x) => void message.error(x), form) },
        );
      }}
    >
      <Typography.Paragraph>扫描件「{scan.name}」已上传。请填写主要负责人手写签字的日期。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ signedOn: dayjs() }}>
        <Form.Item label="签署日期" name="signedOn" rules={[{ required: true, message: '请选择签署日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PublicityCard({ letter, publicity }: { letter: LetterVersion; publicity: CommitmentOverview['publicity'] }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const save = useApiMutation('commitment.setPublicity');
  const addEvidence = useApiMutation('commitment.addEvidence');
  useEffect(() => {
    form.setFieldsValue({
      postedOn: publicity?.postedOn ? dayjs(publicity.postedOn) : null,
      postedWhere: publicity?.postedWhere,
      reportedOn: publicity?.reportedOn ? dayjs(publicity.reportedOn) : null,
      reportedTo: publicity?.reportedTo,
      notes: publicity?.notes,
    });
  }, [publicity, form]);
  return (
    <Card size="small" title="公示与报送" style={{ marginBottom: 16 }} data-testid="commitment-publicity">
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { postedOn?: dayjs.Dayjs | null; reportedOn?: dayjs.Dayjs | null; postedWhere?: string; reportedTo?: string; notes?: string }) =>
          save.mutate(
            clean({ letterId: letter.id, postedOn: v.postedOn?.format('YYYY-MM-DD') ?? null, postedWhere: v.postedWhere, reportedOn: v.reportedOn?.format('YYYY-MM-DD') ?? null, reportedTo: v.reportedTo, notes: v.notes }) as never,
            { onSuccess: () => void message.success('已保存'), onError: (e) => showApiError(e, (x) => void message.error(x), form) },
          )
        }
      >
        <Row gutter={8}>
          <Col span={10}><Form.Item label="公示日期" name="postedOn"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={14}><Form.Item label="公示地点" name="postedWhere"><Input maxLength={200} placeholder="如 厂区大门公示栏" /></Form.Item></Col>
          <Col span={10}><Form.Item label="报送日期" name="reportedOn"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={14}><Form.Item label="报送单位" name="reportedTo"><Input maxLength={100} /></Form.Item></Col>
        </Row>
        <Form.Item label="备注" name="notes"><Input maxLength={500} /></Form.Item>
        <Button htmlType="submit" loading={save.isPending}>保存公示情况</Button>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 16 }}>证明材料</Typography.Title>
      <Space wrap>
        {(publicity?.evidence ?? []).map((e) =>
          e.attachment.mimeType === 'application/pdf' ? <Tag key={e.linkId}>{e.attachment.originalName}</Tag> : <AttachmentThumb key={e.linkId} id={e.attachment.id} name={e.attachment.originalName} />,
        )}
        <FileUpload
          purpose="imageOrPdf"
          label="添加公示照片或回执"
          size="small"
          testId="commitment-evidence"
          onUploaded={(a) => addEvidence.mutate({ letterId: letter.id, attachmentId: a.id, note: null }, { onSuccess: () => void message.success('已添加'), onError: (err) => void message.error(errorMessage(err)) })}
        />
      </Space>
    </Card>
  );
}

function VersionsCard({ versions }: { versions: LetterVersion[] }) {
  return (
    <Card size="small" title="版本记录">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: '版本', dataIndex: 'version', width: 60, render: (v: number) => `第 ${v} 版` },
          { title: '签署人', render: (_, v: LetterVersion) => v.signer.name, width: 80 },
          { title: '状态', render: (_, v: LetterVersion) => (v.signature ? `${v.signature.signedOn} 已签` : '未签署'), width: 120 },
          { title: '文本指纹', dataIndex: 'contentHash', width: 120, render: (h: string) => <span className="sl-hash">{h.slice(0, 12)}</span> },
          { title: '建立', dataIndex: 'createdAtMs', render: (v: number) => formatDateTime(v).slice(0, 10), width: 100 },
        ]}
      />
    </Card>
  );
}

function LetterEditor({ o, mode, onClose }: { o: CommitmentOverview; mode: 'create' | 'edit' | 'newVersion'; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const create = useApiMutation('commitment.createDraft');
  const update = useApiMutation('commitment.updateDraft');
  const newVersion = useApiMutation('commitment.newVersion');
  const cur = o.current;
  useEffect(() => {
    form.setFieldsValue(
      cur && mode !== 'create'
        ? { title: cur.title, recipient: cur.recipient, content: cur.content, changeReason: cur.signer.id !== o.principal?.id ? `主要负责人变更为 ${o.principal?.name ?? ''}` : undefined }
        : { title: o.defaultTitle, recipient: o.defaultRecipient, content: o.defaultContent },
    );
  }, [cur, mode, o, form]);
  const busy = create.isPending || update.isPending || newVersion.isPending;
  return (
    <Modal
      open
      width={820}
      title={mode === 'create' ? `建立 ${o.year} 年度承诺书` : mode === 'edit' ? '修改未签署的承诺书' : '建立新版本（需重新签署）'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        const v = clean(await form.validateFields()) as { title: string; recipient: string | null; content: string; changeReason?: string };
        const handlers = { onSuccess: () => { void message.success('已保存'); onClose(); }, onError: (e: unknown) => showApiError(e, (x) => void message.error(x), form) };
        if (mode === 'create') create.mutate({ year: o.year, title: v.title, recipient: v.recipient, content: v.content }, handlers);
        else if (mode === 'edit') update.mutate({ id: cur!.id, title: v.title, recipient: v.recipient, content: v.content }, handlers);
        else newVersion.mutate({ year: o.year, title: v.title, recipient: v.recipient, content: v.content, changeReason: v.changeReason ?? '' }, handlers);
      }}
    >
      {mode === 'newVersion' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已签署的第 ${cur?.version} 版保持存档；新版本由主要负责人 ${o.principal?.name ?? ''} 重新签署。`} />}
      <Form form={form} layout="vertical" data-testid="commitment-form">
        <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="承诺对象" name="recipient">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="正文" name="content" rules={[{ required: true, message: '请填写承诺书正文' }]} extra="默认正文涵盖《安全生产法》第二十一条规定的主要负责人职责，可按本企业情况修改">
          <Input.TextArea rows={16} maxLength={20000} />
        </Form.Item>
        {mode === 'newVersion' && (
          <Form.Item label="修订原因" name="changeReason" rules={[{ required: true, message: '请填写修订原因' }]}>
            <Input maxLength={200} placeholder="如 主要负责人变更、法规修订" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

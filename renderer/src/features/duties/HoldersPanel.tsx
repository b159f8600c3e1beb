import { useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, DatePicker, Form, Modal, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, FormOutlined, SignatureOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { Holder } from '../../../../preload/contract/duties.ts';
import { AckMethod } from '../../../../preload/contract/enums.ts';
import { useApi, useApiMutation, errorMessage } from '../../lib/api.ts';
import { okButtonTestId, showApiError } from '../../lib/forms.ts';
import { EmploymentTag } from '../../components/tags.tsx';
import { SignatureModal } from '../../components/SignatureModal.tsx';
import { FileUpload } from '../../components/FileUpload.tsx';
import { printLink } from '../print/queue.ts';

type Target = 'LIST' | 'CARDS';

const TARGET_LABEL: Record<Target, string> = { LIST: '责任清单', CARDS: '两单两卡' };

function AckCell({ ack }: { ack: Holder['listAck'] }) {
  if (!ack) return <Tag color="red">未签字</Tag>;
  return (
    <Space size={4}>
      <Tag color="green">已签 {ack.signedOn}</Tag>
      <span className="sl-muted">{AckMethod.label[ack.method]}</span>
    </Space>
  );
}

/**
 * The people on a post and whether each has signed the post's current
 * responsibility list and 两单两卡: on-screen signatures one by one, or a
 * paper sign-off sheet entered for many at once.
 */
export function HoldersPanel({
  postId,
  postName,
  unitId,
  focus,
  hasList,
  hasCards,
  listId,
  cardSetId,
}: {
  postId: string;
  postName: string;
  unitId: string | null;
  /** Which signature the page is about: the other is shown too, and can be signed at the same time. */
  focus: Target;
  hasList: boolean;
  hasCards: boolean;
  listId: string | null;
  cardSetId: string | null;
}) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const holders = useApi('duty.holders', { postId });
  const ack = useApiMutation('duty.acknowledge');
  const [selected, setSelected] = useState<string[]>([]);
  const [signing, setSigning] = useState<Holder | null>(null);
  const [targets, setTargets] = useState<Target[]>([focus]);
  const [batch, setBatch] = useState(false);
  const available: Target[] = [...(hasList ? (['LIST'] as const) : []), ...(hasCards ? (['CARDS'] as const) : [])];
  const chosen = targets.filter((t) => available.includes(t));
  const rows = holders.data ?? [];
  const missing = (h: Holder) => (hasList && !h.listAck) || (hasCards && !h.cardAck);
  const unsigned = rows.filter(missing).length;

  if (!available.length) {
    return <Alert type="info" showIcon title="还没有可签字确认的版本" description={`岗位「${postName}」的${TARGET_LABEL[focus]}批准${focus === 'CARDS' ? '发布' : ''}后，在岗人员才能签字确认。`} />;
  }
  return (
    <div data-testid="holders-panel">
      <div className="sl-toolbar">
        <span>
          在岗 {rows.length} 人，{unsigned ? <Typography.Text type="danger">{unsigned} 人尚未全部签字</Typography.Text> : <Typography.Text type="success">已全部签字确认</Typography.Text>}
        </span>
        <span style={{ flex: 1 }} />
        <span className="sl-muted">确认内容：</span>
        <Checkbox.Group value={chosen} onChange={(v) => setTargets(v as Target[])} options={available.map((t) => ({ value: t, label: TARGET_LABEL[t] }))} data-testid="ack-targets" />
        <Button icon={<FormOutlined />} disabled={!selected.length || !chosen.length} onClick={() => setBatch(true)} data-testid="ack-batch">
          按纸质签字表录入（{selected.length}）
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('dutyAckSheet', { unitId, onlyUnsigned: '1' }))}>
          打印签字表
        </Button>
      </div>
      <Table<Holder>
        size="small"
        rowKey="personId"
        loading={holders.isFetching}
        dataSource={rows}
        pagination={false}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), getCheckboxProps: (h) => ({ disabled: !missing(h) }) }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '工号', dataIndex: 'staffNo', width: 80 },
          { title: '用工形式', dataIndex: 'employmentType', width: 100, render: (t: Holder['employmentType']) => <EmploymentTag type={t} /> },
          ...(hasList ? [{ title: '责任清单', key: 'list', render: (_: unknown, h: Holder) => <AckCell ack={h.listAck} /> }] : []),
          ...(hasCards ? [{ title: '两单两卡', key: 'cards', render: (_: unknown, h: Holder) => <AckCell ack={h.cardAck} /> }] : []),
          {
            title: '',
            key: 'sign',
            width: 110,
            render: (_: unknown, h: Holder) =>
              missing(h) ? (
                <Button size="small" icon={<SignatureOutlined />} disabled={!chosen.length} onClick={() => setSigning(h)} data-testid={`ack-sign-${h.staffNo}`}>
                  屏幕签名
                </Button>
              ) : null,
          },
        ]}
      />
      {signing && (
        <SignatureModal
          open
          title="签字确认"
          signer={signing.name}
          loading={ack.isPending}
          statement={
            <>
              本人已阅读并理解岗位「{postName}」现行的{chosen.map((t) => TARGET_LABEL[t]).join('和')}，清楚本岗位的安全职责、风险和应急措施，承诺认真履行。
            </>
          }
          onCancel={() => setSigning(null)}
          onSign={(png, signedOn) =>
            ack.mutate(
              { personId: signing.personId, postId, targets: chosen, listId: chosen.includes('LIST') ? listId : null, cardSetId: chosen.includes('CARDS') ? cardSetId : null, method: 'ON_SCREEN', signaturePngBase64: png, signedOn },
              {
                onSuccess: () => {
                  setSigning(null);
                  void message.success(`${signing.name} 已签字确认`);
                },
                onError: (e) => void message.error(errorMessage(e)),
              },
            )
          }
        />
      )}
      {batch && (
        <BatchDialog
          postId={postId}
          people={rows.filter((h) => selected.includes(h.personId))}
          targets={chosen}
          onClose={(done) => {
            setBatch(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </div>
  );
}

function BatchDialog({ postId, people, targets, onClose }: { postId: string; people: Holder[]; targets: Target[]; onClose: (done: boolean) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [sheet, setSheet] = useState<{ id: string; name: string } | null>(null);
  const m = useApiMutation('duty.acknowledgeBatch');
  return (
    <Modal
      open
      title="按纸质签字表录入"
      okText="录入"
      cancelText="取消"
      confirmLoading={m.isPending}
      onCancel={() => onClose(false)}
      okButtonProps={okButtonTestId('ack-batch-ok')}
      onOk={async () => {
        const v = (await form.validateFields()) as { signedOn: dayjs.Dayjs };
        m.mutate(
          { entries: people.map((p) => ({ personId: p.personId, postId })), targets, signedOn: v.signedOn.format('YYYY-MM-DD'), sheetAttachmentId: sheet?.id ?? null },
          {
            onSuccess: (r) => {
              void message.success(`已录入 ${r.recorded} 项签字${r.alreadySigned ? `（${r.alreadySigned} 人此前已签）` : ''}`);
              onClose(true);
            },
            onError: (e) => showApiError(e, (x) => void message.error(x), form),
          },
        );
      }}
    >
      <Typography.Paragraph>
        以下 {people.length} 人已在纸质签字表上签字，确认{targets.map((t) => TARGET_LABEL[t]).join('和')}：{people.map((p) => p.name).join('、')}。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ signedOn: dayjs() }}>
        <Form.Item label="签字日期" name="signedOn" rules={[{ required: true, message: '请选择签字日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="签字表扫描件（可选，存档备查）">
          <Space>
            <FileUpload purpose="imageOrPdf" label={sheet ? '重新上传' : '上传扫描件'} onUploaded={(a) => setSheet({ id: a.id, name: a.originalName })} />
            {sheet && <span className="sl-muted">{sheet.name}</span>}
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { AuditOutlined, CheckCircleOutlined, FieldTimeOutlined, FilePdfOutlined, RollbackOutlined, SendOutlined, ToolOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { Hazard } from '../../../../preload/contract/hazards.ts';
import { invoke, useApi } from '../../lib/api.ts';
import { dash } from '../../lib/format.ts';
import { PersonSelect } from '../../components/selects.tsx';
import { printLink } from '../print/queue.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { PhotoPicker } from './HazardPhotos.tsx';
import { useHazardSettings } from './hazardMeta.tsx';

type Step = 'start' | 'extend' | 'submit' | 'reinspect' | 'close' | 'reopen';

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/** The last re-inspection passed but the hazard was not closed at once: 销号 is the next step. */
function passedNotClosed(h: Hazard): boolean {
  const last = h.reinspections[h.reinspections.length - 1];
  return h.status === 'AWAITING_REVIEW' && !!last?.passed;
}

/**
 * The steps the hazard can take from its status, each in a small dialog, and
 * its print-outs (整改通知单, 复查验收单, 重大隐患档案). Shown in the drawer's footer.
 */
export function HazardActions({ hazard, onGoTab }: { hazard: Hazard; onGoTab: (tab: 'edit' | 'treatment') => void }) {
  const navigate = useNavigate();
  const [step, setStep] = useState<Step | null>(null);
  const h = hazard;
  const s = h.status;
  const awaitingClose = passedNotClosed(h);

  return (
    <div className="sl-hazard-actions" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }} data-testid="hazard-actions">
      {s === 'PENDING' && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setStep('start')} data-testid="hazard-start">
          下发整改通知…
        </Button>
      )}
      {(s === 'IN_PROGRESS' || (s === 'PENDING' && !h.major)) && (
        <Button type={s === 'IN_PROGRESS' ? 'primary' : 'default'} icon={<ToolOutlined />} onClick={() => setStep('submit')} data-testid="hazard-submit">
          {s === 'PENDING' ? '立即整改完成…' : '整改完成…'}
        </Button>
      )}
      {(s === 'PENDING' || s === 'IN_PROGRESS') && (
        <Button icon={<FieldTimeOutlined />} onClick={() => setStep('extend')} data-testid="hazard-extend">
          申请延期…
        </Button>
      )}
      {s === 'AWAITING_REVIEW' && !awaitingClose && (
        <Button type="primary" icon={<AuditOutlined />} onClick={() => setStep('reinspect')} data-testid="hazard-reinspect">
          复查验收…
        </Button>
      )}
      {awaitingClose && (
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setStep('close')} data-testid="hazard-close">
          销号…
        </Button>
      )}
      {s === 'CLOSED' && (
        <Button icon={<RollbackOutlined />} onClick={() => setStep('reopen')} data-testid="hazard-reopen">
          重新打开…
        </Button>
      )}
      <span style={{ flex: 1 }} />
      <Space size={4} wrap>
        <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('rectificationNotice', { recordId: h.id }))} data-testid="hazard-print-notice">
          整改通知单
        </Button>
        {h.reinspections.length > 0 && (
          <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('reinspectionForm', { recordId: h.id }))} data-testid="hazard-print-reinspection">
            复查验收单
          </Button>
        )}
        {h.major && (
          <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('majorHazardFile', { recordId: h.id }))} data-testid="hazard-print-major">
            重大隐患档案
          </Button>
        )}
      </Space>
      {step === 'start' && <StartModal h={h} onClose={() => setStep(null)} onGoTab={(t) => { setStep(null); onGoTab(t); }} />}
      {step === 'extend' && <ExtendModal h={h} onClose={() => setStep(null)} />}
      {step === 'submit' && <SubmitModal h={h} onClose={() => setStep(null)} />}
      {step === 'reinspect' && <ReinspectModal h={h} onClose={() => setStep(null)} />}
      {step === 'close' && <CloseModal h={h} onClose={() => setStep(null)} />}
      {step === 'reopen' && <ReopenModal h={h} onClose={() => setStep(null)} />}
    </div>
  );
}

/** 下发整改通知: the 五落实 as they will be printed; what is still missing, with a way to fill it in. */
function StartModal({ h, onClose, onGoTab }: { h: Hazard; onClose: () => void; onGoTab: (tab: 'edit' | 'treatment') => void }) {
  const [form] = Form.useForm<Record<string, never>>();
  // Reporting to the regulator does not hold up the notice; it is shown in the drawer.
  const missing = h.missing.filter((m) => !m.startsWith('向监管部门'));
  return (
    <ActionModal
      title={`下发整改通知 ${h.code}`}
      okText="下发整改通知"
      testId="hazard-start-modal"
      form={form}
      initialValues={{}}
      width={680}
      run={() => invoke('hazard.start', { id: h.id })}
      done={(x) => `已下发整改通知，${x.code} 进入整改中；整改期限 ${x.deadline}。可在下方打印整改通知单交责任人签收。`}
      onClose={onClose}
    >
      <Typography.Paragraph>下发后隐患进入「整改中」，责任人按下列五落实整改，期限到了仍未完成的按逾期逐级上报。</Typography.Paragraph>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="下发前还需要补全"
          data-testid="hazard-start-missing"
          description={
            <>
              <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <Space>
                <Button size="small" onClick={() => onGoTab('edit')}>
                  补全五落实
                </Button>
                {h.major && (
                  <Button size="small" onClick={() => onGoTab('treatment')}>
                    编制 / 批准治理方案
                  </Button>
                )}
              </Space>
            </>
          }
        />
      )}
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="整改措施" span={2}>
          {dash(h.measures)}
        </Descriptions.Item>
        <Descriptions.Item label="责任单位">{dash(h.respUnitName)}</Descriptions.Item>
        <Descriptions.Item label="责任人">{dash(h.respPersonName)}</Descriptions.Item>
        <Descriptions.Item label="整改资金">{h.funds === null ? '—' : `${h.funds.toLocaleString('zh-CN')} 元`}</Descriptions.Item>
        <Descriptions.Item label="整改期限">{h.deadline}</Descriptions.Item>
        <Descriptions.Item label="临时措施" span={2}>
          {dash(h.interimMeasures)}
        </Descriptions.Item>
      </Descriptions>
    </ActionModal>
  );
}

interface ExtendValues {
  reason: string;
  newDeadline: dayjs.Dayjs;
  interimMeasures: string;
  requestedByName: string;
  approvedById: string | null;
  approvedOn: dayjs.Dayjs;
}

/** 申请延期: reason, new deadline, interim measures and approval; 重大 needs the principal; the count is limited. */
function ExtendModal({ h, onClose }: { h: Hazard; onClose: () => void }) {
  const [form] = Form.useForm<ExtendValues>();
  const settings = useHazardSettings();
  const enterprise = useApi('enterprise.get', {});
  const status = useApi('app.status', {});
  const max = settings.data?.maxExtensions;
  const principal = enterprise.data?.principal ?? null;
  const used = h.extensionCount;
  const full = max !== undefined && used >= max;
  return (
    <ActionModal<ExtendValues, Hazard>
      title={`申请延期 ${h.code}`}
      okText="批准延期"
      testId="hazard-extend-modal"
      form={form}
      initialValues={{ requestedByName: h.respPersonName ?? status.data?.operator?.name ?? '', approvedOn: dayjs(), interimMeasures: h.interimMeasures ?? '', approvedById: h.major ? (principal?.id ?? null) : null }}
      run={(v) =>
        invoke('hazard.extend', {
          id: h.id,
          reason: v.reason.trim(),
          newDeadline: day(v.newDeadline),
          interimMeasures: v.interimMeasures.trim(),
          requestedByName: v.requestedByName.trim(),
          approvedById: v.approvedById ?? '',
          approvedOn: day(v.approvedOn),
        })
      }
      done={(x) => `已延期至 ${x.deadline}（第 ${x.extensionCount} 次延期）`}
      onClose={onClose}
    >
      <Typography.Paragraph>
        当前期限 <b>{h.deadline}</b>；已延期 {used} 次{max !== undefined && `，最多可延期 ${max} 次`}。延期期间必须落实临时管控措施。
        {h.major && <Typography.Text type="danger"> 重大事故隐患的延期须由主要负责人批准。</Typography.Text>}
      </Typography.Paragraph>
      {full && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`已延期 ${used} 次，达到设置的上限`} description="不能再延期；请督促整改，或由主要负责人决定停产停用等措施。上限可在「排查治理设置」中调整。" />}
      <Form.Item label="延期原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写延期原因' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} placeholder="如：备件采购周期长，预计 12 月 10 日到货" data-testid="hazard-extend-reason" />
      </Form.Item>
      <Form.Item label="新的整改期限" name="newDeadline" rules={[{ required: true, message: '请选择新的整改期限' }]} extra={`须晚于当前期限 ${h.deadline}`}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(h.deadline), 'day')} data-testid="hazard-extend-deadline" />
      </Form.Item>
      <Form.Item label="延期期间的临时管控措施" name="interimMeasures" rules={[{ required: true, whitespace: true, message: '请填写延期期间的临时管控措施' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} placeholder="如：设置警戒区、专人监护、限产运行" data-testid="hazard-extend-interim" />
      </Form.Item>
      <Space size={12} style={{ display: 'flex' }} align="start">
        <Form.Item label="申请人" name="requestedByName" rules={[{ required: true, whitespace: true, message: '请填写申请人' }]} style={{ width: 150 }}>
          <Input maxLength={30} data-testid="hazard-extend-requester" />
        </Form.Item>
        <Form.Item
          label="批准人"
          name="approvedById"
          rules={[{ required: true, message: '请选择批准人' }]}
          style={{ width: 250 }}
          extra={h.major ? (principal ? `主要负责人：${principal.name}` : '企业信息中尚未设置主要负责人') : undefined}
        >
          <PersonSelect />
        </Form.Item>
        <Form.Item label="批准日期" name="approvedOn" rules={[{ required: true, message: '请选择批准日期' }]}>
          <DatePicker disabledDate={notFuture} />
        </Form.Item>
      </Space>
    </ActionModal>
  );
}

interface SubmitValues {
  rectifierId: string | null;
  rectifiedOn: dayjs.Dayjs;
  rectifyNote: string;
  photoIds: string[];
}

/** 整改完成，申请复查: who fixed it, when, how, with the after-photos. */
function SubmitModal({ h, onClose }: { h: Hazard; onClose: () => void }) {
  const [form] = Form.useForm<SubmitValues>();
  return (
    <ActionModal<SubmitValues, Hazard>
      title={`整改完成 ${h.code}`}
      okText="提交，申请复查"
      testId="hazard-submit-modal"
      form={form}
      width={640}
      initialValues={{ rectifierId: h.rectifierId ?? h.respPersonId, rectifiedOn: dayjs(), rectifyNote: '', photoIds: [] }}
      run={(v) => invoke('hazard.submit', { id: h.id, rectifierId: v.rectifierId ?? '', rectifiedOn: day(v.rectifiedOn), rectifyNote: v.rectifyNote.trim(), photoIds: v.photoIds ?? [] })}
      done={(x) => `${x.code} 已整改完成，等待复查验收（复查人须为整改人以外的人员）`}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {h.status === 'PENDING' ? '一般隐患可以立即整改：' : ''}提交后隐患进入「待复查」，由整改人以外的人员复查验收，合格后才能销号。
      </Typography.Paragraph>
      {h.measures && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          整改措施：{h.measures}
        </Typography.Paragraph>
      )}
      <Space size={12} style={{ display: 'flex' }} align="start">
        <Form.Item label="整改人" name="rectifierId" rules={[{ required: true, message: '请选择整改人' }]} style={{ width: 300 }}>
          <PersonSelect />
        </Form.Item>
        <Form.Item label="整改完成日期" name="rectifiedOn" rules={[{ required: true, message: '请选择整改完成日期' }]}>
          <DatePicker disabledDate={(d) => notFuture(d) || d.isBefore(dayjs(h.foundOn), 'day')} data-testid="hazard-submit-date" />
        </Form.Item>
      </Space>
      <Form.Item label="整改情况" name="rectifyNote" rules={[{ required: true, whitespace: true, message: '请填写整改情况' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder="做了什么、结果如何，如：已更换光电保护装置并试验 10 次均有效" data-testid="hazard-submit-note" />
      </Form.Item>
      <Form.Item label="整改后照片" name="photoIds" extra="与隐患照片同一角度拍摄，便于复查对比">
        <PhotoPicker testId="hazard-submit-photo" label="上传整改后照片" />
      </Form.Item>
    </ActionModal>
  );
}

interface ReinspectValues {
  inspectorId: string | null;
  inspectedOn: dayjs.Dayjs;
  passed: boolean;
  opinion: string;
  photoIds: string[];
  close: boolean;
}

/** 复查验收 by someone other than the rectifier; 合格 closes at once unless unticked, 不合格 sends it back. */
function ReinspectModal({ h, onClose }: { h: Hazard; onClose: () => void }) {
  const [form] = Form.useForm<ReinspectValues>();
  const passed = Form.useWatch('passed', form) as boolean | undefined;
  return (
    <ActionModal<ReinspectValues, Hazard>
      title={`复查验收 ${h.code}`}
      okText={passed === false ? '不合格，退回整改' : '提交复查结论'}
      testId="hazard-reinspect-modal"
      form={form}
      width={640}
      initialValues={{ inspectedOn: dayjs(), passed: true, opinion: '', photoIds: [], close: true }}
      run={(v) =>
        invoke('hazard.reinspect', {
          id: h.id,
          inspectorId: v.inspectorId ?? '',
          inspectedOn: day(v.inspectedOn),
          passed: v.passed,
          opinion: v.opinion.trim(),
          photoIds: v.photoIds ?? [],
          close: v.passed ? v.close : false,
        })
      }
      done={(x) => (x.status === 'CLOSED' ? `${x.code} 复查合格，已销号` : x.status === 'IN_PROGRESS' ? `${x.code} 复查不合格，已退回整改` : `${x.code} 复查合格，待销号`)}
      onClose={onClose}
    >
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="整改人">{dash(h.rectifierName)}</Descriptions.Item>
        <Descriptions.Item label="完成日期">{dash(h.rectifiedOn)}</Descriptions.Item>
        <Descriptions.Item label="整改情况" span={2}>
          {dash(h.rectifyNote)}
        </Descriptions.Item>
      </Descriptions>
      <Space size={12} style={{ display: 'flex' }} align="start">
        <Form.Item
          label="复查人"
          name="inspectorId"
          rules={[{ required: true, message: '请选择复查人' }]}
          style={{ width: 300 }}
          extra={`不能由整改人${h.rectifierName ? `（${h.rectifierName}）` : ''}复查自己的整改`}
        >
          <PersonSelect />
        </Form.Item>
        <Form.Item label="复查日期" name="inspectedOn" rules={[{ required: true, message: '请选择复查日期' }]}>
          <DatePicker disabledDate={(d) => notFuture(d) || (!!h.rectifiedOn && d.isBefore(dayjs(h.rectifiedOn), 'day'))} data-testid="hazard-reinspect-date" />
        </Form.Item>
      </Space>
      <Form.Item label="复查结论" name="passed" rules={[{ required: true, message: '请选择复查结论' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: '合格' },
            { value: false, label: '不合格，退回整改' },
          ]}
          data-testid="hazard-reinspect-result"
        />
      </Form.Item>
      <Form.Item label="复查意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写复查意见' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder={passed === false ? '写明哪里不合格、还要怎么改' : '如：已按要求整改，经现场验证有效，同意销号'} data-testid="hazard-reinspect-opinion" />
      </Form.Item>
      <Form.Item
        label="复查照片"
        name="photoIds"
        extra={h.photos.some((p) => p.stage === 'RECTIFIED') ? '整改后照片已由整改人上传，可补充复查现场照片' : '整改人没有上传整改后照片：复查合格须上传复查时的现场照片'}
      >
        <PhotoPicker testId="hazard-reinspect-photo" label="上传复查照片" />
      </Form.Item>
      {passed !== false && (
        <Form.Item name="close" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="hazard-reinspect-close">合格并销号（销号日期为复查日期）</Checkbox>
        </Form.Item>
      )}
    </ActionModal>
  );
}

function CloseModal({ h, onClose }: { h: Hazard; onClose: () => void }) {
  const [form] = Form.useForm<{ closedOn: dayjs.Dayjs }>();
  const last = h.reinspections[h.reinspections.length - 1];
  return (
    <ActionModal<{ closedOn: dayjs.Dayjs }, Hazard>
      title={`销号 ${h.code}`}
      okText="销号"
      testId="hazard-close-modal"
      form={form}
      initialValues={{ closedOn: dayjs() }}
      run={(v) => invoke('hazard.close', { id: h.id, closedOn: day(v.closedOn) })}
      done={(x) => `${x.code} 已销号`}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {last ? `${last.inspectorName} 于 ${last.inspectedOn} 复查合格：${last.opinion}` : ''}
      </Typography.Paragraph>
      <Form.Item label="销号日期" name="closedOn" rules={[{ required: true, message: '请选择销号日期' }]}>
        <DatePicker disabledDate={(d) => notFuture(d) || (!!last && d.isBefore(dayjs(last.inspectedOn), 'day'))} />
      </Form.Item>
    </ActionModal>
  );
}

function ReopenModal({ h, onClose }: { h: Hazard; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <ActionModal<{ reason: string }, Hazard>
      title={`重新打开 ${h.code}`}
      okText="重新打开"
      danger
      testId="hazard-reopen-modal"
      form={form}
      initialValues={{}}
      run={(v) => invoke('hazard.reopen', { id: h.id, reason: v.reason.trim() })}
      done={(x) => `${x.code} 已重新打开，回到整改中`}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="重新打开会撤销销号"
        description="隐患回到「整改中」，须重新整改、复查后再销号；原来的整改和复查记录保留，原因记入全过程记录。"
      />
      <Form.Item label="重新打开的原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写重新打开的原因' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} placeholder="如：复查后隐患复现，防护罩再次被拆除" data-testid="hazard-reopen-reason" />
      </Form.Item>
    </ActionModal>
  );
}


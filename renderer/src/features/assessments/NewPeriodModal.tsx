import { App as AntApp, Alert, Form, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Period } from '../../../../preload/contract/assessments.ts';
import { PeriodKind } from '../../../../preload/contract/enums.ts';
import { useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';

const QUARTER_NAMES = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The label and dates main will give the period (mirrors periodRange in main/domain/duties.ts). */
function describe(kind: PeriodKind, year: number, seq: number): { label: string; startDate: string; endDate: string } {
  if (kind === 'YEAR') return { label: `${year} 年度`, startDate: `${year}-01-01`, endDate: `${year}-12-31` };
  if (kind === 'QUARTER') {
    const start = dayjs(`${year}-${pad((seq - 1) * 3 + 1)}-01`);
    return { label: `${year} 年第${QUARTER_NAMES[seq - 1]}季度`, startDate: start.format('YYYY-MM-DD'), endDate: start.add(3, 'month').subtract(1, 'day').format('YYYY-MM-DD') };
  }
  const start = dayjs(`${year}-${pad(seq)}-01`);
  return { label: `${year} 年 ${seq} 月`, startDate: start.format('YYYY-MM-DD'), endDate: start.add(1, 'month').subtract(1, 'day').format('YYYY-MM-DD') };
}

interface Values {
  kind: PeriodKind;
  year: number;
  seq?: number;
}

export function NewPeriodModal({ periods, onClose, onCreated }: { periods: Period[]; onClose: () => void; onCreated: (p: Period) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('assessment.createPeriod');
  const now = dayjs();
  const today = now.format('YYYY-MM-DD');
  const kind = Form.useWatch('kind', form) ?? 'QUARTER';
  const year = Form.useWatch('year', form);
  const seq = Form.useWatch('seq', form);

  const exists = (k: PeriodKind, y: number, s: number) => periods.some((p) => p.kind === k && p.year === y && p.seq === s);
  const seqOptions = (k: PeriodKind, y: number | null | undefined) => {
    const count = k === 'MONTH' ? 12 : 4;
    return Array.from({ length: count }, (_, i) => {
      const s = i + 1;
      const future = typeof y === 'number' && describe(k, y, s).startDate > today;
      const taken = typeof y === 'number' && exists(k, y, s);
      const name = k === 'MONTH' ? `${s} 月` : `第${QUARTER_NAMES[i]}季度`;
      return { value: s, label: `${name}${taken ? '（已建立）' : future ? '（未开始）' : ''}`, disabled: future || taken };
    });
  };
  /** This month/quarter, or the latest earlier one of this year not yet set up. */
  const defaultSeq = (k: PeriodKind) => {
    const current = k === 'MONTH' ? now.month() + 1 : k === 'QUARTER' ? Math.floor(now.month() / 3) + 1 : 1;
    for (let s = current; s >= 1; s--) if (!exists(k, now.year(), s)) return s;
    return current;
  };

  const preview = typeof year === 'number' && (kind === 'YEAR' || typeof seq === 'number') ? describe(kind, year, kind === 'YEAR' ? 1 : (seq ?? 1)) : null;
  const previewTaken = preview && typeof year === 'number' && exists(kind, year, kind === 'YEAR' ? 1 : (seq ?? 1));

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { kind: v.kind, year: v.year, seq: v.kind === 'YEAR' ? 1 : (v.seq ?? 1) },
      {
        onSuccess: (p) => {
          void message.success(`已新建考核周期「${p.label}」`);
          onCreated(p);
        },
        onError: (e) => showApiError(e, (m) => void message.error(m), form),
      },
    );
  };

  return (
    <Modal
      open
      title="新建考核周期"
      okText="新建"
      cancelText="取消"
      width={520}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ 'data-testid': 'assessment-new-period-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        考核周期建立后，按每位员工所在岗位在周期末现行的责任清单逐条评分。周期只能在开始之后建立；同一周期只能建立一次。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'QUARTER', year: now.year(), seq: defaultSeq('QUARTER') }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) form.setFieldValue('seq', defaultSeq(changed.kind));
        }}
      >
        <Form.Item label="周期类型" name="kind" rules={[{ required: true, message: '请选择周期类型' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={PeriodKind.options} />
        </Form.Item>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={now.year()} precision={0} suffix="年" style={{ width: 160 }} />
        </Form.Item>
        {kind !== 'YEAR' && (
          <Form.Item label={kind === 'MONTH' ? '月份' : '季度'} name="seq" rules={[{ required: true, message: kind === 'MONTH' ? '请选择月份' : '请选择季度' }]}>
            <Select style={{ width: 200 }} options={seqOptions(kind, year)} />
          </Form.Item>
        )}
      </Form>
      {preview &&
        (previewTaken ? (
          <Alert type="warning" showIcon title={`已有「${preview.label}」考核周期`} description="请在页面右上角的周期下拉框中选择它，或改选其他周期。" />
        ) : preview.startDate > today ? (
          <Alert type="warning" showIcon title={`「${preview.label}」尚未开始`} description={`该周期从 ${preview.startDate} 开始，届时才能建立考核。`} />
        ) : (
          <Alert type="info" showIcon title={`将建立「${preview.label}」`} description={`考核期间 ${preview.startDate} 至 ${preview.endDate}。${preview.endDate >= today ? '周期尚未结束，考核依据按当天现行的责任清单确定。' : ''}`} />
        ))}
    </Modal>
  );
}

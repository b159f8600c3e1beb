import { useEffect, useRef } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Form, Input, Row } from 'antd';
import { FilePdfOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { DrillForm, DrillPurpose, DrillScope } from '../../../../preload/contract/enums.ts';
import type { Drill } from '../../../../preload/contract/drills.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { printLink } from '../print/queue.ts';
import { blank } from './drillMeta.tsx';

interface Values {
  purpose?: string;
  schemeSummary?: string;
  lessons?: string | null;
  improvements?: string | null;
  writtenBy?: string;
  writtenOn?: dayjs.Dayjs;
}

/** A first draft from the record and the evaluation, for the writer to correct. */
function draft(d: Drill, operator: string): Values {
  const steps = d.steps.map((s) => `${s.time} ${s.action}${s.actor ? `（${s.actor}）` : ''}`).join('；');
  const signed = d.participants.filter((p) => p.signMethod).length;
  const scheme = [
    `${d.drillDate} ${d.startTime}—${d.endTime}，${d.organiserUnitName}在${d.place}组织开展「${d.title}」（${DrillScope.label[d.scope]}、${DrillForm.label[d.form]}，${DrillPurpose.label[d.purpose]}），演练依据《${d.planName}》。`,
    `总指挥：${d.commanderName}；参演 ${d.participants.length} 人（签到 ${signed} 人）${d.observers ? `；观摩：${d.observers}` : ''}。`,
    `事故情景：${d.scenario}`,
    steps ? `演练过程：${steps}。` : '',
    d.resourcesUsed ? `使用的应急资源：${d.resourcesUsed}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const problems = d.problems.map((p, i) => `${i + 1}. ${p.description}${p.cause ? `（原因：${p.cause}）` : ''}`).join('\n');
  const suggestions = d.problems
    .filter((p) => p.suggestion)
    .map((p, i) => `${i + 1}. ${p.suggestion}`)
    .join('\n');
  return {
    purpose: `检验《${d.planName}》的针对性和可操作性，检验应急队伍、器材和通讯保障，提高参演人员的应急处置能力。`,
    schemeSummary: scheme.slice(0, 2000),
    lessons: problems ? `演练暴露的问题：\n${problems}`.slice(0, 1000) : null,
    improvements: suggestions ? suggestions.slice(0, 1000) : null,
    writtenBy: operator,
    writtenOn: dayjs(),
  };
}

/** 演练总结报告: purpose, scheme summary, lessons and improvements; printed as part of the drill record. */
export function SummaryForm({ drill, onDirtyChange, onGoEvaluate }: { drill: Drill; onDirtyChange: (dirty: boolean) => void; onGoEvaluate: () => void }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const status = useApi('app.status', {});
  const summarise = useApiMutation('drill.summarise');
  const dirtyRef = useRef(false);
  const setDirty = (d: boolean) => {
    dirtyRef.current = d;
    onDirtyChange(d);
  };
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const operator = status.data?.operator?.name ?? '';
  const stamp = JSON.stringify([drill.id, drill.summary, !!drill.evaluation]);
  useEffect(() => {
    if (dirtyRef.current) return;
    form.resetFields();
    const s = drill.summary;
    form.setFieldsValue(s ? { ...s, writtenOn: dayjs(s.writtenOn) } : draft(drill, operator));
  }, [stamp, operator]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      void message.warning('请先补全标红的内容');
      return;
    }
    try {
      await summarise.mutateAsync({
        drillId: drill.id,
        purpose: v.purpose?.trim() ?? '',
        schemeSummary: v.schemeSummary?.trim() ?? '',
        lessons: blank(v.lessons),
        improvements: blank(v.improvements),
        writtenBy: v.writtenBy?.trim() ?? '',
        writtenOn: v.writtenOn!.format('YYYY-MM-DD'),
      });
      setDirty(false);
      void message.success('总结报告已保存');
    } catch (e) {
      showApiError(e, (m) => void message.error(m), form);
    }
  };

  return (
    <div data-testid="drill-summary">
      {!drill.evaluation ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="先完成演练评估，再编写总结报告"
          description="总结报告要写明演练暴露的问题和改进建议，这些来自演练评估。下面是按演练记录生成的草稿，评估完成后即可保存。"
          action={
            <Button size="small" onClick={onGoEvaluate}>
              去评估
            </Button>
          }
          data-testid="drill-summary-needs-eval"
        />
      ) : (
        !drill.summary && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="以下为按演练记录和评估生成的草稿，请核对修改后保存" />
      )}
      <Form form={form} layout="vertical" requiredMark="optional" colon={false} onValuesChange={() => !dirtyRef.current && setDirty(true)}>
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item label="演练目的" name="purpose" rules={[{ required: true, whitespace: true, message: '请填写演练目的' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="drill-summary-purpose" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="演练方案概要（时间、地点、参演单位和人员、情景、过程）" name="schemeSummary" rules={[{ required: true, whitespace: true, message: '请填写演练方案概要' }]}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={2000} showCount data-testid="drill-summary-scheme" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="经验教训（发现的问题及原因）" name="lessons">
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} data-testid="drill-summary-lessons" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="改进有关工作的建议" name="improvements">
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} data-testid="drill-summary-improvements" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="编写人" name="writtenBy" rules={[{ required: true, whitespace: true, message: '请填写编写人' }]}>
              <Input maxLength={30} data-testid="drill-summary-writer" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="编写日期" name="writtenOn" rules={[{ required: true, message: '请选择编写日期' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.format('YYYY-MM-DD') < drill.drillDate} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <div className="sl-sticky-actions">
        <Button type="primary" icon={<SaveOutlined />} loading={summarise.isPending} onClick={() => void save()} data-testid="drill-summary-save">
          保存总结报告
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('drillRecord', { recordId: drill.id }))} data-testid="drill-summary-print">
          打印演练记录和总结
        </Button>
      </div>
    </div>
  );
}

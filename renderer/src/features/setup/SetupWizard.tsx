import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Divider, Form, Input, Row, Space, Steps, Typography } from 'antd';
import { ExperimentOutlined, RocketOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { EnterpriseFields } from '../enterprise/EnterpriseFields.tsx';

/** First run: create the enterprise and the first operator, or load the demo enterprise. */
export function SetupWizard() {
  const { message } = AntApp.useApp();
  const [mode, setMode] = useState<'choose' | 'form'>('choose');
  const [form] = Form.useForm();
  const setup = useApiMutation('app.setup');
  const demo = useApiMutation('demo.load');

  const submit = async () => {
    const values = (await form.validateFields()) as { enterprise: Record<string, unknown>; operator: { name: string; title?: string } };
    setup.mutate(
      { enterprise: values.enterprise as never, operator: { name: values.operator.name, title: values.operator.title ?? null } },
      { onError: (err) => showApiError(err, (m) => void message.error(m), form) },
    );
  };

  return (
    <div className="sl-center-screen">
      <Card className="sl-wizard-card" data-testid="setup-wizard">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          欢迎使用 SafeLedger 安全生产台账
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          企业的安全生产档案保存在本机数据目录中，不依赖网络。先描述一次企业，之后的责任清单、风险清单、检查台账和公示牌都从这套数据生成。
        </Typography.Paragraph>
        <Steps
          size="small"
          current={mode === 'choose' ? 0 : 1}
          items={[{ title: '选择开始方式' }, { title: '企业基本信息与操作员' }, { title: '进入工作台' }]}
          style={{ margin: '8px 0 24px' }}
        />
        {mode === 'choose' ? (
          <Row gutter={16}>
            <Col span={12}>
              <Card hoverable onClick={() => setMode('form')} data-testid="setup-own" style={{ height: '100%' }}>
                <Space orientation="vertical">
                  <RocketOutlined style={{ fontSize: 28, color: '#1f5eb8' }} />
                  <Typography.Text strong>建立本企业档案</Typography.Text>
                  <Typography.Text type="secondary">录入企业名称、统一社会信用代码、行业和联络信息，并登记第一位操作员（通常是安全管理人员）。</Typography.Text>
                </Space>
              </Card>
            </Col>
            <Col span={12}>
              <Card
                hoverable
                style={{ height: '100%' }}
                data-testid="setup-demo"
                onClick={() =>
                  demo.mutate(
                    { operatorName: null },
                    { onSuccess: () => void message.success('已载入演示企业'), onError: (err) => showApiError(err, (m) => void message.error(m)) },
                  )
                }
              >
                <Space orientation="vertical">
                  <ExperimentOutlined style={{ fontSize: 28, color: '#d46b08' }} />
                  <Typography.Text strong>{demo.isPending ? '正在载入演示企业…' : '先看看演示企业'}</Typography.Text>
                  <Typography.Text type="secondary">
                    载入虚构的「重庆渝江精密机械有限公司」：6 个部门/车间、约 150 名员工（含劳务派遣、灵活用工）、近 40 本证书。演示数据有明显标记，可随时移除。
                  </Typography.Text>
                </Space>
              </Card>
            </Col>
          </Row>
        ) : (
          <Form form={form} layout="vertical" initialValues={{ enterprise: { industry: 'INDUSTRY_TRADE', reportHotline: '12350' } }} requiredMark>
            <EnterpriseFields prefix={['enterprise']} withPeople={false} />
            <Divider titlePlacement="start" plain>
              第一位操作员
            </Divider>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item label="姓名" name={['operator', 'name']} rules={[{ required: true, message: '请填写操作员姓名' }]} extra="操作日志记录每项修改是谁做的">
                  <Input maxLength={30} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="职务" name={['operator', 'title']}>
                  <Input maxLength={30} placeholder="如 专职安全管理员" />
                </Form.Item>
              </Col>
            </Row>
            <Space>
              <Button onClick={() => setMode('choose')}>返回</Button>
              <Button type="primary" onClick={() => void submit()} loading={setup.isPending} data-testid="setup-submit">
                完成并进入工作台
              </Button>
            </Space>
          </Form>
        )}
      </Card>
    </div>
  );
}

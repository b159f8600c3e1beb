import { useEffect } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Skeleton, Space } from 'antd';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { clean, showApiError } from '../../lib/forms.ts';
import { formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EnterpriseFields } from './EnterpriseFields.tsx';

export function EnterprisePage() {
  const { message } = AntApp.useApp();
  const q = useApi('enterprise.get', {});
  const save = useApiMutation('enterprise.update');
  const [form] = Form.useForm();

  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);

  if (q.isPending) return <div className="sl-page"><Skeleton active /></div>;
  if (q.isError) return <div className="sl-page"><Alert type="error" title={q.error.message} /></div>;
  const e = q.data;

  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(clean(values) as never, {
      onSuccess: () => void message.success('企业基本信息已保存'),
      onError: (err) => showApiError(err, (m) => void message.error(m), form),
    });
  };

  return (
    <div className="sl-page" data-testid="enterprise-page">
      <PageHeader
        title="企业基本信息"
        description={`公示牌、承诺书和各类台账的抬头都取自这里。最近修改：${formatDateTime(e.updatedAtMs)}`}
        extra={
          <Space>
            <Button onClick={() => form.setFieldsValue(e)}>撤销修改</Button>
            <Button type="primary" onClick={() => void submit()} loading={save.isPending} data-testid="enterprise-save">
              保存
            </Button>
          </Space>
        }
      />
      {(!e.principalPersonId || !e.safetyDeptUnitId) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="尚未指定主要负责人或安全管理部门"
          description="《安全生产法》第二十一条规定主要负责人的七项职责；请先在「从业人员」中登记主要负责人，再回到此处选择。"
        />
      )}
      <Card>
        <Form form={form} layout="vertical" initialValues={e}>
          <EnterpriseFields withPeople />
        </Form>
      </Card>
    </div>
  );
}

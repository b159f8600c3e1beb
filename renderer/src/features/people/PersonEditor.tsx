import { useEffect } from 'react';
import { App as AntApp, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { PersonDetail } from '../../../../preload/contract/people.ts';
import { EmploymentType, Gender } from '../../../../preload/contract/enums.ts';
import { useApiMutation } from '../../lib/api.ts';
import { clean, showApiError } from '../../lib/forms.ts';
import { PostMultiSelect, UnitSelect } from '../../components/selects.tsx';

/** Create or edit a person. Dates travel as YYYY-MM-DD strings. */
export function PersonEditor({ person, defaultUnitId, onClose }: { person: PersonDetail | null; defaultUnitId?: string | null; onClose: (id?: string) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const create = useApiMutation('person.create');
  const update = useApiMutation('person.update');
  const employmentType = Form.useWatch('employmentType', form) as PersonDetail['employmentType'] | undefined;

  useEffect(() => {
    if (person) {
      form.setFieldsValue({ ...person, hireDate: person.hireDate ? dayjs(person.hireDate) : null, idNumber: '' });
    } else {
      form.setFieldsValue({ unitId: defaultUnitId ?? undefined, employmentType: 'REGULAR', postIds: [], hireDate: dayjs() });
    }
  }, [person, defaultUnitId, form]);

  const submit = async () => {
    const raw = (await form.validateFields()) as Record<string, unknown> & { hireDate?: dayjs.Dayjs | null; idNumber?: string; clearIdNumber?: boolean };
    const { clearIdNumber, ...rest } = raw;
    const values = clean({ ...rest, hireDate: raw.hireDate ? raw.hireDate.format('YYYY-MM-DD') : null });
    const onError = (err: unknown) => showApiError(err, (m) => void message.error(m), form);
    if (person) {
      const idNumber = clearIdNumber ? null : raw.idNumber?.trim() ? raw.idNumber.trim() : undefined;
      const { postIds: _ignored, ...fields } = values as Record<string, unknown>;
      update.mutate({ ...fields, id: person.id, idNumber } as never, { onSuccess: (p) => { void message.success('已保存'); onClose(p.id); }, onError });
    } else {
      create.mutate(values as never, { onSuccess: (p) => { void message.success(`已新增「${p.name}」`); onClose(p.id); }, onError });
    }
  };

  const needsEmployer = employmentType && employmentType !== 'REGULAR';
  return (
    <Modal open title={person ? `编辑「${person.name}」` : '新增人员'} onCancel={() => onClose()} onOk={() => void submit()} okText="保存" cancelText="取消" confirmLoading={create.isPending || update.isPending} destroyOnHidden width={760}>
      <Form form={form} layout="vertical" data-testid="person-form">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="工号" name="staffNo" rules={[{ required: true, message: '请填写工号' }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="性别" name="gender">
              <Select allowClear options={Gender.options} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择所属单位' }]}>
              <UnitSelect allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="职务" name="jobTitle">
              <Input maxLength={30} placeholder="管理人员填写，如 车间主任" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="用工类型" name="employmentType" rules={[{ required: true, message: '请选择用工类型' }]}>
              <Select options={EmploymentType.options} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              label={employmentType === 'DISPATCHED' ? '劳务派遣单位' : employmentType === 'CONTRACTOR' ? '外包/相关方单位' : employmentType === 'INTERN' ? '所在院校' : '用工平台/单位'}
              name="employerName"
              hidden={!needsEmployer}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="手机号" name="phone">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={person ? '入职日期（本次）' : '入职日期'} name="hireDate">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="身份证号"
              name="idNumber"
              extra={person ? (person.idNumberMasked ? `已登记 ${person.idNumberMasked}；留空则不修改` : '尚未登记') : '18 位，自动校验出生日期与校验位'}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          {person?.idNumberMasked && (
            <Col span={24}>
              <Form.Item name="clearIdNumber" valuePropName="checked" style={{ marginTop: -12 }}>
                <Checkbox>清除已登记的身份证号</Checkbox>
              </Form.Item>
            </Col>
          )}
          {!person && (
            <Col span={24}>
              <Form.Item label="岗位" name="postIds" extra="从入职日期起任岗；以后可在人员详情中调整，历史会保留">
                <PostMultiSelect />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item label="备注" name="notes">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

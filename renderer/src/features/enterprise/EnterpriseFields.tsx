import { Col, Form, Input, Row, Select, Divider } from 'antd';
import { Industry, IndustrySector } from '../../../../preload/contract/enums.ts';
import { PersonSelect, UnitSelect } from '../../components/selects.tsx';

/** The enterprise profile's form fields; `prefix` nests them (the setup form sends `{ enterprise: … }`). */
export function EnterpriseFields({ prefix = [], withPeople }: { prefix?: string[]; withPeople: boolean }) {
  const n = (name: string) => [...prefix, name];
  const industry = Form.useWatch(n('industry'));
  return (
    <>
      <Divider titlePlacement="start" plain>
        企业身份
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="企业名称" name={n('name')} rules={[{ required: true, message: '请填写企业名称' }]}>
            <Input placeholder="与营业执照一致" maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="统一社会信用代码" name={n('creditCode')} extra="18 位，录入后自动校验校验位">
            <Input placeholder="如 91500116MA5UXK8Y0E" maxLength={18} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="行业类别" name={n('industry')} rules={[{ required: true, message: '请选择行业类别' }]}>
            <Select options={Industry.options} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="行业细分" name={n('industrySector')} extra={industry === 'INDUSTRY_TRADE' ? '用于匹配工贸行业重大隐患判定标准' : undefined}>
            <Select options={IndustrySector.options} placeholder="工贸企业请选择" allowClear />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="法定代表人" name={n('legalRepresentative')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="地址" name={n('address')}>
            <Input maxLength={200} placeholder="生产经营场所地址" />
          </Form.Item>
        </Col>
      </Row>
      {withPeople && (
        <>
          <Divider titlePlacement="start" plain>
            安全生产责任人
          </Divider>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="主要负责人" name={n('principalPersonId')} extra="从从业人员中选择">
                <PersonSelect />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="分管安全负责人" name={n('safetyDeputyPersonId')}>
                <PersonSelect />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="安全管理部门" name={n('safetyDeptUnitId')}>
                <UnitSelect placeholder="选择安全管理机构" />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
      <Divider titlePlacement="start" plain>
        属地监管与联络
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="属地监管部门" name={n('regulatorName')}>
            <Input maxLength={100} placeholder="如 重庆市江津区应急管理局" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="监管部门电话" name={n('regulatorPhone')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="网格员" name={n('gridMemberName')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="网格员电话" name={n('gridMemberPhone')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="值班电话" name={n('dutyPhone')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="内部举报电话" name={n('internalReportPhone')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="举报热线" name={n('reportHotline')} extra="全国安全生产举报投诉特服电话默认 12350">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

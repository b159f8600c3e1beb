import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Tag, Tree } from 'antd';
import { ApartmentOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Unit } from '../../../../preload/contract/org.ts';
import { UnitKind } from '../../../../preload/contract/enums.ts';
import { useApi, useApiMutation, errorMessage } from '../../lib/api.ts';
import { clean, showApiError } from '../../lib/forms.ts';
import { dash } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PersonSelect, UnitSelect } from '../../components/selects.tsx';

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
}

function buildTree(units: Unit[]): TreeItem[] {
  const byId = new Map<string, TreeItem>();
  const roots: TreeItem[] = [];
  for (const u of units) {
    const item: TreeItem = {
      key: u.id,
      title: (
        <span>
          {u.name} <Tag style={{ marginInlineStart: 4 }}>{UnitKind.label[u.kind]}</Tag>
          <span className="sl-muted">{u.peopleCount} 人</span>
        </span>
      ),
      children: [],
    };
    byId.set(u.id, item);
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

type EditState = { mode: 'create'; parentId: string } | { mode: 'edit'; unit: Unit } | null;

export function OrgPage() {
  const { message } = AntApp.useApp();
  const units = useApi('unit.list', {});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<EditState>(null);
  const del = useApiMutation('unit.delete');
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const selected = units.data?.find((u) => u.id === selectedId) ?? units.data?.[0] ?? null;

  return (
    <div className="sl-page" data-testid="org-page">
      <PageHeader title="组织机构" description="公司 → 部门/车间 → 班组。每个单位可指定负责人，责任清单、检查计划和台账按单位汇总。" />
      {units.isError && <Alert type="error" title={units.error.message} />}
      <Row gutter={16}>
        <Col span={10}>
          <Card size="small" title={<span><ApartmentOutlined /> 组织架构</span>}>
            {tree.length > 0 && (
              <Tree
                treeData={tree}
                defaultExpandAll
                blockNode
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
              />
            )}
          </Card>
        </Col>
        <Col span={14}>
          {selected ? (
            <Card
              size="small"
              title={selected.path}
              extra={
                <Space>
                  {selected.kind !== 'TEAM' && (
                    <Button icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parentId: selected.id })} data-testid="unit-add-child">
                      新增下级单位
                    </Button>
                  )}
                  <Button icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', unit: selected })} data-testid="unit-edit">
                    编辑
                  </Button>
                  {selected.kind !== 'COMPANY' && (
                    <Popconfirm
                      title={`删除「${selected.name}」？`}
                      description="只有没有下级单位、岗位和人员的单位才能删除。"
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() =>
                        del.mutateAsync({ id: selected.id }).then(
                          () => {
                            setSelectedId(selected.parentId);
                            void message.success('已删除');
                          },
                          (err: unknown) => void message.error(errorMessage(err)),
                        )
                      }
                    >
                      <Button danger icon={<DeleteOutlined />} data-testid="unit-delete">
                        删除
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              }
            >
              <Descriptions column={2} size="small" bordered>
                <Descriptions.Item label="名称">{selected.name}</Descriptions.Item>
                <Descriptions.Item label="类型">{UnitKind.label[selected.kind]}</Descriptions.Item>
                <Descriptions.Item label="负责人">{selected.headName ? `${selected.headName}${selected.headPhone ? `（${selected.headPhone}）` : ''}` : <Tag color="orange">未指定</Tag>}</Descriptions.Item>
                <Descriptions.Item label="联系电话">{dash(selected.phone)}</Descriptions.Item>
                <Descriptions.Item label="在职人员">
                  <Link to={`/people?unitId=${selected.id}`}>{selected.peopleCount} 人（本单位直属）</Link>
                </Descriptions.Item>
                <Descriptions.Item label="岗位">
                  <Link to={`/posts?unitId=${selected.id}`}>{selected.postCount} 个（本单位直属）</Link>
                </Descriptions.Item>
                <Descriptions.Item label="下级单位">{selected.childCount} 个</Descriptions.Item>
                <Descriptions.Item label="排序号">{selected.sortOrder}</Descriptions.Item>
                <Descriptions.Item label="备注" span={2}>{dash(selected.notes)}</Descriptions.Item>
              </Descriptions>
            </Card>
          ) : (
            <Card><Empty description="请在左侧选择单位" /></Card>
          )}
        </Col>
      </Row>
      {editing && <UnitEditor state={editing} onClose={(id) => { setEditing(null); if (id) setSelectedId(id); }} />}
    </div>
  );
}

function UnitEditor({ state, onClose }: { state: NonNullable<EditState>; onClose: (id?: string) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const create = useApiMutation('unit.create');
  const update = useApiMutation('unit.update');
  const isCompany = state.mode === 'edit' && state.unit.kind === 'COMPANY';

  useEffect(() => {
    if (state.mode === 'edit') form.setFieldsValue(state.unit);
    else form.setFieldsValue({ parentId: state.parentId, kind: 'TEAM', sortOrder: 0 });
  }, [state, form]);

  const submit = async () => {
    const values = clean(await form.validateFields());
    const onError = (err: unknown) => showApiError(err, (m) => void message.error(m), form);
    if (state.mode === 'create') {
      create.mutate(values as never, { onSuccess: (u) => { void message.success(`已新增「${u.name}」`); onClose(u.id); }, onError });
    } else {
      update.mutate({ ...values, id: state.unit.id } as never, { onSuccess: (u) => { void message.success('已保存'); onClose(u.id); }, onError });
    }
  };

  return (
    <Modal
      open
      title={state.mode === 'create' ? '新增单位' : `编辑「${state.unit.name}」`}
      onCancel={() => onClose()}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical" data-testid="unit-form">
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写单位名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择单位类型' }]} style={{ width: 180 }}>
            <Select disabled={isCompany} options={UnitKind.options.filter((o) => (isCompany ? true : o.value !== 'COMPANY'))} />
          </Form.Item>
          {!isCompany && (
            <Form.Item label="上级单位" name="parentId" rules={[{ required: true, message: '请选择上级单位' }]} style={{ width: 360 }}>
              <UnitSelect allowClear={false} disableUnit={(u) => u.kind === 'TEAM' || (state.mode === 'edit' && u.path.startsWith(state.unit.path) )} />
            </Form.Item>
          )}
        </Space>
        <Form.Item label="负责人" name="headPersonId" extra="部门/车间主任或班组长">
          <PersonSelect />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item label="联系电话" name="phone" style={{ width: 260 }}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item label="排序号" name="sortOrder" style={{ width: 140 }}>
            <InputNumber min={0} max={9999} style={{ width: '100%' }} />
          </Form.Item>
        </Space>
        <Form.Item label="备注" name="notes">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

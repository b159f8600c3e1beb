import { useMemo, useState } from 'react';
import { Select, TreeSelect } from 'antd';
import { useApi } from '../lib/api.ts';
import type { Unit } from '../../../preload/contract/org.ts';
import { UnitKind } from '../../../preload/contract/enums.ts';

interface ValueProps<T> {
  value?: T;
  onChange?: (v: T) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: React.CSSProperties;
}

/** Active people, searched in main by name or staff number. */
export function PersonSelect({ value, onChange, placeholder = '输入姓名或工号搜索', allowClear = true, disabled, id, style }: ValueProps<string | null>) {
  const [search, setSearch] = useState('');
  const ids = value ? [value] : [];
  const q = useApi('person.options', { search: search || null, ids }, { placeholderData: (prev) => prev });
  const options = (q.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.staffNo} · ${p.unitName}）` }));
  return (
    <Select
      id={id}
      style={style}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={q.isFetching}
      notFoundContent={q.isFetching ? '搜索中…' : '没有匹配的在职人员'}
    />
  );
}

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
  disabled?: boolean;
}

export function unitTree(units: Unit[], disable?: (u: Unit) => boolean): TreeNode[] {
  const byId = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const u of units) {
    const node: TreeNode = { value: u.id, title: `${u.name}`, children: [], disabled: disable?.(u) ?? false };
    byId.set(u.id, node);
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function UnitSelect({
  value,
  onChange,
  placeholder = '选择单位',
  allowClear = true,
  disabled,
  id,
  style,
  disableUnit,
}: ValueProps<string | null> & { disableUnit?: (u: Unit) => boolean }) {
  const units = useApi('unit.list', {});
  const tree = useMemo(() => unitTree(units.data ?? [], disableUnit), [units.data, disableUnit]);
  return (
    <TreeSelect
      id={id}
      style={style}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      treeData={tree}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={units.isFetching}
    />
  );
}

export function unitKindLabel(kind: Unit['kind']): string {
  return UnitKind.label[kind];
}

export function PostMultiSelect({ value, onChange, id, placeholder = '选择岗位（可多选）' }: ValueProps<string[]>) {
  const posts = useApi('post.options', {});
  const options = (posts.data ?? []).map((p) => ({ value: p.id, label: `${p.unitName} · ${p.name}${p.isSpecialOperation ? '（特种作业）' : ''}` }));
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      options={options}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      loading={posts.isFetching}
    />
  );
}

export function CertTypeSelect({ value, onChange, id, allowClear, placeholder = '选择证书类型' }: ValueProps<string | null>) {
  const types = useApi('certType.list', {});
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      allowClear={allowClear}
      placeholder={placeholder}
      options={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
      loading={types.isFetching}
    />
  );
}

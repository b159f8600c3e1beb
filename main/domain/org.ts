/** Organisation tree rules: which unit kinds may sit under which, no cycles, preorder listing with paths. */
import type { UnitKind } from '../../preload/contract/enums.ts';

const ALLOWED_CHILDREN: Record<UnitKind, readonly UnitKind[]> = {
  COMPANY: ['DEPARTMENT', 'WORKSHOP'],
  DEPARTMENT: ['DEPARTMENT', 'WORKSHOP', 'TEAM'],
  WORKSHOP: ['DEPARTMENT', 'WORKSHOP', 'TEAM'],
  TEAM: [],
};

const KIND_LABEL: Record<UnitKind, string> = { COMPANY: '公司', DEPARTMENT: '部门', WORKSHOP: '车间', TEAM: '班组' };

/** Null when `child` may sit under `parent`, otherwise the Chinese reason. */
export function unitPlacementError(parentKind: UnitKind | null, childKind: UnitKind): string | null {
  if (childKind === 'COMPANY') {
    return parentKind === null ? null : '公司只能是组织机构的顶层';
  }
  if (parentKind === null) return `${KIND_LABEL[childKind]}必须有上级单位`;
  if (!ALLOWED_CHILDREN[parentKind].includes(childKind)) {
    return parentKind === 'TEAM'
      ? '班组下不能再设下级单位'
      : `${KIND_LABEL[parentKind]}下不能直接设${KIND_LABEL[childKind]}（公司下设部门/车间，部门/车间下设班组）`;
  }
  return null;
}

export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
}

/** True when moving `id` under `newParentId` would put it beneath itself. */
export function wouldCreateCycle(nodes: readonly TreeNode[], id: string, newParentId: string | null): boolean {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  let cur = newParentId;
  const seen = new Set<string>();
  while (cur) {
    if (cur === id) return true;
    if (seen.has(cur)) return true;
    seen.add(cur);
    cur = parentOf.get(cur) ?? null;
  }
  return false;
}

/** Preorder (parents before children, siblings by sortOrder then name) with the path and depth of each node. */
export function preorder<T extends TreeNode>(nodes: readonly T[]): (T & { path: string; depth: number; childCount: number })[] {
  const children = new Map<string | null, T[]>();
  for (const n of nodes) {
    const key = n.parentId;
    const list = children.get(key) ?? [];
    list.push(n);
    children.set(key, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  }
  const out: (T & { path: string; depth: number; childCount: number })[] = [];
  const walk = (parentId: string | null, prefix: string, depth: number) => {
    for (const n of children.get(parentId) ?? []) {
      const path = prefix ? `${prefix} / ${n.name}` : n.name;
      out.push({ ...n, path, depth, childCount: children.get(n.id)?.length ?? 0 });
      walk(n.id, path, depth + 1);
    }
  };
  walk(null, '', 0);
  return out;
}

/** The ids of `rootId` and every unit beneath it. */
export function subtreeIds(nodes: readonly TreeNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (!n.parentId) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n.id);
    children.set(n.parentId, list);
  }
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    const cur = stack.pop()!;
    for (const c of children.get(cur) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { preorder, subtreeIds, unitPlacementError, wouldCreateCycle } from '../../main/domain/org.ts';

describe('organisation tree rules', () => {
  it('allows 公司 → 部门/车间 → 班组 and nested departments', () => {
    expect(unitPlacementError(null, 'COMPANY')).toBeNull();
    expect(unitPlacementError('COMPANY', 'WORKSHOP')).toBeNull();
    expect(unitPlacementError('WORKSHOP', 'TEAM')).toBeNull();
    expect(unitPlacementError('DEPARTMENT', 'DEPARTMENT')).toBeNull();
  });

  it('refuses teams under the company, anything under a team, and a second company', () => {
    expect(unitPlacementError('COMPANY', 'TEAM')).toMatch(/公司下不能直接设班组/);
    expect(unitPlacementError('TEAM', 'TEAM')).toBe('班组下不能再设下级单位');
    expect(unitPlacementError('DEPARTMENT', 'COMPANY')).toBe('公司只能是组织机构的顶层');
    expect(unitPlacementError(null, 'TEAM')).toBe('班组必须有上级单位');
  });

  const nodes = [
    { id: 'c', parentId: null, name: '公司', sortOrder: 0 },
    { id: 'w2', parentId: 'c', name: '装配车间', sortOrder: 2 },
    { id: 'w1', parentId: 'c', name: '机加工车间', sortOrder: 1 },
    { id: 't1', parentId: 'w1', name: '车削班', sortOrder: 0 },
  ];

  it('detects moves beneath oneself', () => {
    expect(wouldCreateCycle(nodes, 'w1', 't1')).toBe(true);
    expect(wouldCreateCycle(nodes, 'w1', 'w1')).toBe(true);
    expect(wouldCreateCycle(nodes, 't1', 'w2')).toBe(false);
  });

  it('lists parents before children, siblings by sort order, with paths', () => {
    const list = preorder(nodes);
    expect(list.map((n) => n.id)).toEqual(['c', 'w1', 't1', 'w2']);
    expect(list.find((n) => n.id === 't1')).toMatchObject({ path: '公司 / 机加工车间 / 车削班', depth: 2, childCount: 0 });
    expect(list[0]!.childCount).toBe(2);
    expect([...subtreeIds(nodes, 'w1')].sort()).toEqual(['t1', 'w1']);
  });
});

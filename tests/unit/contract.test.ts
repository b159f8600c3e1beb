import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type MethodName } from '../../preload/contract/index.ts';
import { handlers } from '../../main/ipc/handlers.ts';

describe('the API contract', () => {
  const methods = Object.keys(contract) as MethodName[];

  it('every method is named domain.verb and has a handler, and no handler is unlisted', () => {
    for (const m of methods) expect(m).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
    expect(Object.keys(handlers).sort()).toEqual([...methods].sort());
  });

  it('every input converts to JSON Schema (for `cli methods`)', () => {
    for (const m of methods) {
      const schema = z.toJSONSchema(contract[m].input, { io: 'input', unrepresentable: 'any' });
      expect(schema, m).toBeTypeOf('object');
    }
  });

  it('the audit log cannot be changed through the API', () => {
    const auditMutations = methods.filter((m) => m.startsWith('audit.') && contract[m].kind === 'mutation');
    expect(auditMutations).toEqual([]);
  });

  it('reports wrong input in Chinese, naming the field', () => {
    const r = contract['person.create'].input.safeParse({ name: '', staffNo: 'A1', unitId: 'u', employmentType: 'BOSS' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('name: 请填写姓名');
    expect(messages).toContain('employmentType: 请选择有效的用工类型');
  });

  it('refuses unknown keys instead of silently dropping them', () => {
    const r = contract['unit.delete'].input.safeParse({ id: 'x', cascade: true });
    expect(r.success).toBe(false);
  });
});

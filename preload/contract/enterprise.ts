import { z } from 'zod';
import { mutation, query } from './define.ts';
import { input, none, oneOf, optCreditCode, optId, optOneOf, optPhone, optText, text } from './fields.ts';
import { Industry, IndustrySector } from './enums.ts';

export const EnterpriseProfileInput = input({
  name: text('企业名称', 100),
  creditCode: optCreditCode(),
  industry: oneOf('行业类别', Industry.values),
  industrySector: optOneOf('行业细分', IndustrySector.values),
  address: optText('地址', 200),
  legalRepresentative: optText('法定代表人', 30),
  principalPersonId: optId('主要负责人'),
  safetyDeputyPersonId: optId('分管安全负责人'),
  safetyDeptUnitId: optId('安全管理部门'),
  regulatorName: optText('属地监管部门', 100),
  regulatorPhone: optPhone('监管部门电话'),
  gridMemberName: optText('网格员', 30),
  gridMemberPhone: optPhone('网格员电话'),
  dutyPhone: optPhone('值班电话'),
  internalReportPhone: optPhone('内部举报电话'),
  /** Blank means the national 12350 hotline. */
  reportHotline: optText('举报热线', 20).transform((v) => v ?? '12350'),
});

const PersonRef = z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() }).nullable();

export const Enterprise = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  industry: z.enum(Industry.values),
  industrySector: z.enum(IndustrySector.values).nullable(),
  address: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  principalPersonId: z.string().nullable(),
  principal: PersonRef,
  safetyDeputyPersonId: z.string().nullable(),
  safetyDeputy: PersonRef,
  safetyDeptUnitId: z.string().nullable(),
  safetyDeptName: z.string().nullable(),
  regulatorName: z.string().nullable(),
  regulatorPhone: z.string().nullable(),
  gridMemberName: z.string().nullable(),
  gridMemberPhone: z.string().nullable(),
  dutyPhone: z.string().nullable(),
  internalReportPhone: z.string().nullable(),
  reportHotline: z.string(),
  timeZone: z.string(),
  isDemo: z.boolean(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type Enterprise = z.infer<typeof Enterprise>;

export const enterpriseContract = {
  'enterprise.get': query('企业基本信息', none, Enterprise),
  'enterprise.update': mutation('修改企业基本信息', EnterpriseProfileInput, Enterprise),
};

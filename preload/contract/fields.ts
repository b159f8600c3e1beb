/**
 * zod building blocks whose messages name the field in Chinese and say what to fix.
 */
import { z } from 'zod';
import { isCalendarDate, validateCreditCode, validateIdNumber, validatePhone } from './validators.ts';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  undefined: '空值',
  null: '空值',
};

/**
 * Chinese fallback messages for issues a schema did not word itself (unknown
 * keys, wrong JSON types from scripts). Field-level messages take precedence.
 */
z.config({
  customError: (issue) => {
    const at = issue.path?.length ? `「${issue.path.join('.')}」` : '';
    switch (issue.code) {
      case 'unrecognized_keys':
        return `${at}不支持的字段：${issue.keys.join('、')}（请删除这些字段）`;
      case 'invalid_type':
        return `${at}格式不正确：应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      case 'invalid_value':
        return `${at}取值无效，可选值：${issue.values.map(String).join('、')}`;
      case 'too_small':
        return `${at}过小或过短（至少 ${String(issue.minimum)}）`;
      case 'too_big':
        return `${at}过大或过长（最多 ${String(issue.maximum)}）`;
      case 'invalid_format':
        return `${at}格式不正确`;
      default:
        return undefined;
    }
  },
});

/** Record id (UUIDv7 text). */
export const id = (label = '记录') =>
  z.string({ error: `请选择${label}` }).trim().min(1, `请选择${label}`).max(64, `${label}编号格式不正确`);

/** '' and missing become null; the input type stays `T | '' | null | undefined`. */
const blankToNull = <T>(v: T | '' | null | undefined): T | null => (v === '' || v === undefined || v === null ? null : v);

export const optId = (label = '记录') =>
  z
    .string({ error: `${label}编号应为文字` })
    .trim()
    .max(64, `${label}编号格式不正确`)
    .nullable()
    .optional()
    .transform(blankToNull);

/** Required text, trimmed. */
export const text = (label: string, max = 100) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

/** Optional text: blank and missing become null. */
export const optText = (label: string, max = 500) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullable()
    .optional()
    .transform(blankToNull);

/** Calendar date `YYYY-MM-DD`. */
export const date = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine(isCalendarDate, { message: `${label}应为有效日期，格式 YYYY-MM-DD` });

export const optDate = (label: string) =>
  z
    .string({ error: `${label}应为日期文字，格式 YYYY-MM-DD` })
    .trim()
    .refine((v) => v === '' || isCalendarDate(v), { message: `${label}应为有效日期，格式 YYYY-MM-DD` })
    .nullable()
    .optional()
    .transform(blankToNull);

/** Optional text checked by a validator that returns a message or null; blank becomes null. */
const optChecked = (label: string, check: (v: string) => string | null, normalize: (v: string) => string = (v) => v) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .transform(normalize)
    .superRefine((v, ctx) => {
      if (v === '') return;
      const msg = check(v);
      if (msg) ctx.addIssue({ code: 'custom', message: msg });
    })
    .nullable()
    .optional()
    .transform(blankToNull);

export const optPhone = (label: string) => optChecked(label, (v) => (validatePhone(v) ? `${label}：${validatePhone(v)}` : null));

export const optCreditCode = () => optChecked('统一社会信用代码', validateCreditCode, (v) => v.toUpperCase());

export const optIdNumber = () => optChecked('身份证号', validateIdNumber, (v) => v.toUpperCase());

/** Optional choice from a fixed set; blank becomes null. */
export const optOneOf = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z
    .union([z.enum(values, { error: `请选择有效的${label}` }), z.literal('')])
    .nullable()
    .optional()
    .transform((v) => (v === '' || v === undefined || v === null ? null : v));

/** For updates: absent = keep the stored number, blank or null = clear it, otherwise a valid number. */
export const idNumberChange = () =>
  z
    .union([z.null(), z.string({ error: '身份证号应为文字' })])
    .superRefine((v, ctx) => {
      if (typeof v !== 'string' || v.trim() === '') return;
      const msg = validateIdNumber(v.trim().toUpperCase());
      if (msg) ctx.addIssue({ code: 'custom', message: msg });
    })
    .transform((v) => (v === null || v.trim() === '' ? null : v.trim().toUpperCase()))
    .optional();

export const bool = (label: string) => z.boolean({ error: `${label}应为是或否` });

export const oneOf = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `请选择有效的${label}` });

export const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);

export const optInt = (label: string, min: number, max: number) =>
  int(label, min, max)
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** Paging input fields, merged into list inputs. */
export const paging = {
  page: z.number().int().min(1, '页码从 1 开始').default(1),
  pageSize: z.number().int().min(1).max(500, '每页最多 500 条').default(50),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Input with nothing in it. `undefined` and `{}` are both accepted. */
export const none = z.preprocess((v) => v ?? {}, z.strictObject({}));

export const idInput = (label = '记录') => z.strictObject({ id: id(label) });

export const okOutput = z.object({ ok: z.literal(true) });

/** What a handler receives for a plain object of field schemas (e.g. `DrillInput`), after parsing. */
export type ParsedFields<T extends Record<string, z.ZodType>> = { [K in keyof T]: z.output<T[K]> };

/** A strict object: unknown keys are reported, not silently dropped. */
export const input = z.strictObject;

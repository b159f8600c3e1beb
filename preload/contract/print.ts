import { z } from 'zod';
import { mutation, query } from './define.ts';
import { input, int, none, optDate, optId, optText, pageOf, paging, text } from './fields.ts';

export const PaperChoiceInput = input({
  size: text('纸张尺寸', 30),
  orientation: z.enum(['portrait', 'landscape'], { error: '请选择纸张方向（纵向或横向）' }),
  customWidthMm: z.number({ error: '自定义宽度应为数字（毫米）' }).nullable().optional(),
  customHeightMm: z.number({ error: '自定义高度应为数字（毫米）' }).nullable().optional(),
});

export const PrintRequestInput = input({
  type: text('文件类型', 60),
  /** Omitted: the type's default paper. */
  paper: PaperChoiceInput.optional(),
  recordId: optId('记录'),
  unitId: optId('单位'),
  level: optText('层级', 20),
  onlyUnsigned: z.boolean().optional().default(false),
  from: optDate('开始日期'),
  to: optDate('结束日期'),
  status: optText('状态', 20),
  year: int('年度', 2000, 2100).nullable().optional(),
  quarter: int('季度', 1, 4).nullable().optional(),
});

export const PRINT_OPTIONS = ['unit', 'level', 'status', 'period', 'year', 'quarter', 'onlyUnsigned'] as const;
const OptionChoices = z.object({ label: z.string(), options: z.array(z.object({ value: z.string(), label: z.string() })) });

const PaperInfo = z.object({ key: z.string(), label: z.string(), widthMm: z.number(), heightMm: z.number(), orientation: z.enum(['portrait', 'landscape']) });

export const DocTypeInfo = z.object({
  type: z.string(),
  title: z.string(),
  group: z.string(),
  description: z.string(),
  layoutVersion: z.string(),
  defaultPaper: z.object({ size: z.string(), orientation: z.enum(['portrait', 'landscape']) }),
  suggestedSizes: z.array(z.string()),
  minShortSideMm: z.number(),
  records: z.object({ label: z.string(), required: z.boolean(), placeholder: z.string().nullable() }).nullable(),
  options: z.array(z.enum(PRINT_OPTIONS)),
  onlyUnsignedLabel: z.string(),
  /** The type's own values for the 'level' and 'status' options (null: the defaults, e.g. agreement levels). */
  choices: z.object({ level: OptionChoices.nullable(), status: OptionChoices.nullable() }),
});
export type DocTypeInfo = z.infer<typeof DocTypeInfo>;

export const PrintCheck = z.object({
  title: z.string(),
  /** Required data that is missing: no PDF until it is supplied. */
  missing: z.array(z.string()),
  /** Blocks left out for lack of data. */
  omitted: z.array(z.string()),
});

export const Preview = z.object({
  title: z.string(),
  fingerprint: z.string(),
  pageCount: z.number().int(),
  paper: PaperInfo,
  omitted: z.array(z.string()),
  /** Layout decisions to know about, e.g. a pocket card laid out on A6 because its content is long. */
  warnings: z.array(z.string()),
  pdfBase64: z.string(),
});
export type Preview = z.infer<typeof Preview>;

export const GeneratedDocument = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  layoutVersion: z.string(),
  params: z.unknown(),
  fingerprint: z.string(),
  pageCount: z.number().int(),
  sizeBytes: z.number().int(),
  paperLabel: z.string(),
  outcome: z.enum(['SAVED', 'OPENED', 'EXPORTED', 'CLI']),
  fileName: z.string().nullable(),
  batchId: z.string().nullable(),
  generatedOn: z.string(),
  createdAtMs: z.number(),
  operatorName: z.string(),
});
export type GeneratedDocument = z.infer<typeof GeneratedDocument>;

export const SaveResult = z.union([
  z.object({ cancelled: z.literal(true) }),
  z.object({ cancelled: z.literal(false), filePath: z.string(), documents: z.array(GeneratedDocument) }),
]);

export const Verification = z.object({
  fingerprint: z.string(),
  matches: z.array(
    z.object({
      document: GeneratedDocument,
      /** CURRENT: the data is unchanged; CHANGED: reprint; UNAVAILABLE: the source record no longer exists. */
      status: z.enum(['CURRENT', 'CHANGED', 'UNAVAILABLE']),
      message: z.string(),
      changedSections: z.array(z.string()),
    }),
  ),
});
export type Verification = z.infer<typeof Verification>;

export const printContract = {
  'print.types': query('打印中心可生成的文件类型', none, z.array(DocTypeInfo)),
  'print.records': query('某类文件可选的记录（如某一年度的承诺书）', input({ type: text('文件类型', 60) }), z.array(z.object({ id: z.string(), label: z.string() }))),
  'print.check': query('检查生成某文件所需的数据是否齐全', PrintRequestInput, PrintCheck),
  'print.preview': query('生成预览（真实 PDF，不登记）', PrintRequestInput, Preview),
  'print.save': mutation('生成 PDF 并保存到用户选择的位置（登记指纹）', PrintRequestInput, SaveResult),
  'print.open': mutation('生成 PDF 并用系统阅读器打开以便打印（登记指纹）', PrintRequestInput, SaveResult),
  'print.exportQueue': mutation(
    '把打印队列中的多份文件合并导出为一个 PDF（每份分别登记指纹）',
    input({ items: z.array(PrintRequestInput).min(1, '打印队列是空的，请先加入文件').max(50, '一次最多合并 50 份文件') }),
    SaveResult,
  ),
  'print.register': query(
    '文件生成登记（只读）',
    input({ type: optText('文件类型', 60), search: optText('搜索词', 50), ...paging }),
    pageOf(GeneratedDocument),
  ),
  'print.stale': query(
    '需重印：各文件最近一次打印后数据已变化的清单（签字表等工作底稿除外）',
    input({ types: z.array(z.string().max(60)).max(50).optional() }),
    z.object({
      checked: z.number().int(),
      items: z.array(z.object({ document: GeneratedDocument, message: z.string(), changedSections: z.array(z.string()) })),
    }),
  ),
  'print.verify': query(
    '按纸面上的内容指纹核验：是哪份文件、数据是否已变化',
    input({ fingerprint: z.string({ error: '请输入内容指纹' }).trim().min(1, '请输入内容指纹') }),
    Verification,
  ),
};

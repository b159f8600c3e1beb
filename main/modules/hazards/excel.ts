/**
 * The 隐患排查治理台账 as an Excel workbook: the ledger's columns with Chinese
 * headers, real date and number cells, a frozen header, an autofilter and a
 * title row naming the enterprise and the period.
 */
import ExcelJS from 'exceljs';
import type { PaperSize } from 'exceljs';
import type { AppRuntime } from '../../bootstrap.ts';
import type { AppContext } from '../../context.ts';
import { HazardKind, HazardScope, HazardSource, HazardStatus } from '../../../preload/contract/enums.ts';
import { getEnterprise, today } from '../enterprise/service.ts';
import { writeFileAtomic } from '../print/service.ts';
import { describeLedgerFilter, extensionSummary } from './printable.ts';
import { ledgerRows, type HazardFilter } from './service.ts';

type Cell = string | number | Date | null;

interface Column {
  header: string;
  /** Width in characters (a CJK character counts about two). */
  width: number;
  kind?: 'date' | 'money' | 'int' | 'wrap';
}

const COLUMNS: Column[] = [
  { header: '序号', width: 6, kind: 'int' },
  { header: '编号', width: 14 },
  { header: '来源', width: 10 },
  { header: '发现日期', width: 11, kind: 'date' },
  { header: '排查人', width: 9 },
  { header: '部位/风险点', width: 20, kind: 'wrap' },
  { header: '隐患描述', width: 36, kind: 'wrap' },
  { header: '照片（张）', width: 8, kind: 'int' },
  { header: '类别', width: 18, kind: 'wrap' },
  { header: '等级', width: 12 },
  { header: '整改措施', width: 36, kind: 'wrap' },
  { header: '责任单位', width: 14, kind: 'wrap' },
  { header: '责任人', width: 9 },
  { header: '资金（元）', width: 11, kind: 'money' },
  { header: '整改期限', width: 11, kind: 'date' },
  { header: '临时措施/预案', width: 24, kind: 'wrap' },
  { header: '延期', width: 20, kind: 'wrap' },
  { header: '完成日期', width: 11, kind: 'date' },
  { header: '复查人', width: 9 },
  { header: '复查意见', width: 24, kind: 'wrap' },
  { header: '销号日期', width: 11, kind: 'date' },
  { header: '状态', width: 16 },
];

/** A calendar date as an Excel date (midnight UTC, which Excel shows as that day). */
function excelDate(d: string | null): Date | null {
  if (!d) return null;
  return new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));
}

function periodText(f: HazardFilter): string {
  if (!f.from && !f.to) return '全部期间';
  return `${f.from ?? '最早'} 至 ${f.to ?? '今'}`;
}

const HEADER_ROW = 3;
const BORDER = { style: 'thin' as const, color: { argb: 'FFD1D5DB' } };

/** The ledger of a filter (every hazard it matches, whatever its status) as an .xlsx file. */
export async function exportLedgerXlsx(app: AppContext, f: HazardFilter): Promise<{ bytes: Buffer; rows: number }> {
  const rows = ledgerRows(app, f);
  const ext = extensionSummary(app);
  const enterprise = getEnterprise(app).name;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SafeLedger 安全生产台账';
  wb.created = new Date(app.clock.nowMs());
  const ws = wb.addWorksheet('隐患排查治理台账', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 8 as PaperSize /* A3 */, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const last = COLUMNS.length;

  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = `${enterprise}隐患排查治理台账`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;

  const closed = rows.filter((r) => r.status === 'CLOSED').length;
  const overdue = rows.filter((r) => r.overdue).length;
  ws.mergeCells(2, 1, 2, last);
  const sub = ws.getCell(2, 1);
  sub.value = [`期间：${periodText(f)}`, describeLedgerFilter(app, f), `共 ${rows.length} 条，已销号 ${closed} 条，未销号 ${rows.length - closed} 条（其中逾期 ${overdue} 条）`, `导出日期：${today(app)}`].join('    ');
  sub.font = { size: 10, color: { argb: 'FF6B7280' } };
  sub.alignment = { horizontal: 'center' };

  const header = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF4FC' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
  });
  header.height = 20;

  rows.forEach((r, i) => {
    const e = ext.get(r.id);
    const values: Cell[] = [
      i + 1,
      r.code,
      HazardSource.label[r.source],
      excelDate(r.foundOn),
      r.foundByName,
      [r.location, r.riskPointCode ? `${r.riskPointCode} ${r.riskPointName ?? ''}`.trim() : null].filter(Boolean).join(' / ') || null,
      r.description,
      r.photoCount,
      `${HazardKind.label[r.kind]} / ${HazardScope.label[r.scope]}`,
      r.levelLabel,
      r.measures,
      r.respUnitName,
      r.respPersonName,
      r.funds,
      excelDate(r.deadline),
      r.interimMeasures,
      e ? `${e.n}次，原期限 ${e.first}` : null,
      excelDate(r.rectifiedOn),
      r.reinspectorName,
      r.reinspectionOpinion,
      excelDate(r.closedOn),
      r.overdue ? `${HazardStatus.label[r.status]}（逾期${r.overdueDays}天）` : HazardStatus.label[r.status],
    ];
    const row = ws.getRow(HEADER_ROW + 1 + i);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      const kind = COLUMNS[j]!.kind;
      if (kind === 'date') cell.numFmt = 'yyyy-mm-dd';
      else if (kind === 'money') cell.numFmt = '#,##0.00';
      cell.alignment = { vertical: 'top', wrapText: kind === 'wrap' };
      cell.border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
    });
    if (r.major) row.getCell(10).font = { bold: true, color: { argb: 'FFC0392B' } };
    if (r.overdue) row.getCell(last).font = { bold: true, color: { argb: 'FFC0392B' } };
  });

  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + Math.max(rows.length, 1), column: last } };
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, rows: rows.length };
}

/** `20261122_隐患排查治理台账.xlsx`, with the period when one is set. */
function defaultName(app: AppContext, f: HazardFilter): string {
  const period = f.from || f.to ? `_${(f.from ?? '').replaceAll('-', '')}-${(f.to ?? '').replaceAll('-', '')}` : '';
  return `${today(app).replaceAll('-', '')}_隐患排查治理台账${period}.xlsx`;
}

/** `hazard.exportLedger`: asks where to save (the platform's dialog) and writes the workbook there. */
export async function saveLedgerXlsx(rt: AppRuntime, f: HazardFilter): Promise<{ cancelled: true } | { cancelled: false; file: string; rows: number }> {
  const app = rt.app();
  // Ask first: a large ledger takes a few seconds to write, and a cancelled dialog should cost nothing.
  const file = await app.platform.chooseSavePath({ title: '导出隐患排查治理台账', defaultName: defaultName(app, f), extensions: ['xlsx'] });
  if (!file) return { cancelled: true };
  const { bytes, rows } = await exportLedgerXlsx(app, f);
  writeFileAtomic(file, bytes);
  return { cancelled: false, file, rows };
}

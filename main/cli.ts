/**
 * Headless SafeLedger over the same services as the app. Runs under plain Node:
 *   npm run cli -- <command> [--data-dir DIR] [--operator NAME] …
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { contract, type MethodName } from '../preload/contract/index.ts';
import { AppRuntime } from './bootstrap.ts';
import { checkDatabase, openDatabase } from './db/connection.ts';
import { schemaVersion } from './db/migrate.ts';
import { loadMigrationsFromDisk } from './db/migrations/fromDisk.ts';
import { defaultDataDir } from './domain/paths.ts';
import { dispatch } from './ipc/dispatch.ts';
import { backupTo } from './modules/backup/service.ts';
import { recordAudit } from './modules/audit/service.ts';
import { inTransaction } from './db/sql.ts';
import { APP_VERSION } from './version.ts';
import { fromUnknownError, fromZodError } from './errors.ts';
import { PAPER_PRESETS, type PaperChoice } from './pdf/paper.ts';
import { DOC_TYPES } from './modules/print/registry.ts';
import { registerDocument, renderDocument, writeFileAtomic } from './modules/print/service.ts';

const USAGE = `SafeLedger 安全生产台账 命令行 ${APP_VERSION}

用法：npm run cli -- <命令> [选项]

命令：
  init                      创建数据目录并建立/升级数据库
  seed-demo                 载入演示企业（仅限尚未建立企业的数据目录）
  remove-demo               移除演示数据（先自动备份）
  backup --out FILE         把数据库在线备份到 FILE（写完后校验）
  check                     完整性检查与结构版本；发现问题时退出码为 1
  methods                   列出全部接口方法及其输入的 JSON Schema
  call <方法> ['<JSON>']     经与界面相同的校验和服务调用接口方法，输出 JSON 结果
  print --list              列出打印中心的全部文件类型
  print <类型> --out FILE.pdf [--size A3|1200x800|…] [--orientation portrait|landscape]
                            [--id 记录] [--unit 单位ID] [--level 层级] [--only-unsigned]
                            [--from 日期] [--to 日期] [--status 状态] [--year 年] [--quarter 季度]
                            生成 PDF 并登记内容指纹（与打印中心相同）

选项：
  --data-dir DIR            数据目录（默认：环境变量 SAFELEDGER_DATA_DIR，或系统应用数据目录下的 SafeLedger）
  --operator NAME           以该操作员身份操作（记入操作日志；默认记为「命令行」）
  -h, --help                显示本帮助

退出码：0 成功；1 操作失败（输出结构化错误）；2 用法错误。`;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const nodeIO: CliIO = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

class UsageError extends Error {}

export const RESOURCES_DIR = join(import.meta.dirname, '..', 'resources');

async function openRuntime(dataDir: string, operator: string | null): Promise<AppRuntime> {
  return AppRuntime.open({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    migrations: loadMigrationsFromDisk(),
    appVersion: APP_VERSION,
    channel: 'CLI',
    operatorName: operator,
  });
}

function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export async function runCli(argv: string[], io: CliIO = nodeIO, env: Record<string, string | undefined> = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        operator: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        list: { type: 'boolean' },
        size: { type: 'string' },
        orientation: { type: 'string' },
        id: { type: 'string' },
        unit: { type: 'string' },
        level: { type: 'string' },
        'only-unsigned': { type: 'boolean' },
        from: { type: 'string' },
        to: { type: 'string' },
        status: { type: 'string' },
        year: { type: 'string' },
        quarter: { type: 'string' },
      },
    });
  } catch (err) {
    io.err(`用法错误：${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    io.out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir(process.platform, env, homedir()));
  const operator = values.operator ?? null;

  try {
    switch (command) {
      case 'methods': {
        const list = (Object.keys(contract) as MethodName[]).map((method) => ({
          method,
          kind: contract[method].kind,
          summary: contract[method].summary,
          input: z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }),
        }));
        printJson(io, list);
        return 0;
      }
      case 'check':
        return check(io, dataDir);
      case 'init': {
        const rt = await openRuntime(dataDir, operator);
        const status = rt.status();
        rt.close();
        printJson(io, status);
        return status.state === 'ready' || status.state === 'setup' ? 0 : 1;
      }
      case 'seed-demo':
        return await callAndPrint(io, dataDir, operator, 'demo.load', {});
      case 'remove-demo':
        return await callAndPrint(io, dataDir, operator, 'demo.remove', {});
      case 'backup': {
        if (!values.out) throw new UsageError('backup 需要 --out FILE');
        const out = resolve(values.out);
        if (existsSync(out)) throw new UsageError(`目标文件已存在：${out}（为避免覆盖，请换一个文件名）`);
        const rt = await openRuntime(dataDir, operator);
        try {
          const app = rt.app();
          await backupTo(app.db, out);
          inTransaction(app.db, () => recordAudit(app, { action: 'SYSTEM', entityType: 'system', entityId: null, summary: `命令行备份数据库到 ${out}` }));
          printJson(io, { ok: true, value: { file: out } });
          return 0;
        } finally {
          rt.close();
        }
      }
      case 'call': {
        const [method, json] = rest;
        if (!method) throw new UsageError('call 需要方法名，例如：call person.list \'{"search":"张"}\'');
        let input: unknown = {};
        if (json !== undefined) {
          try {
            input = JSON.parse(json);
          } catch {
            printJson(io, { ok: false, error: { code: 'VALIDATION', message: '输入不是合法的 JSON，请检查引号和括号' } });
            return 1;
          }
        }
        return await callAndPrint(io, dataDir, operator, method, input);
      }
      case 'print':
        return await printCommand(io, dataDir, operator, rest[0], values);
      default:
        throw new UsageError(`未知命令「${command}」`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`用法错误：${err.message}\n\n${USAGE}`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    printJson(io, { ok: false, error: { code: 'INTERNAL', message } });
    return 1;
  }
}

async function callAndPrint(io: CliIO, dataDir: string, operator: string | null, method: string, input: unknown): Promise<number> {
  const rt = await openRuntime(dataDir, operator);
  try {
    const result = await dispatch(rt, method, input, { log: (err) => io.err(String(err instanceof Error ? err.stack : err)) });
    printJson(io, result);
    return result.ok ? 0 : 1;
  } finally {
    rt.close();
  }
}

/** `--size A3`, `--size CARD`, `--size 1200x800` (a board preset when one matches, else custom). */
export function parseSize(size: string | undefined, orientation: string | undefined): PaperChoice | undefined {
  if (!size && !orientation) return undefined;
  const o = orientation === 'landscape' || orientation === 'portrait' ? orientation : undefined;
  if (orientation && !o) throw new UsageError('--orientation 应为 portrait（纵向）或 landscape（横向）');
  const m = size ? /^(\d+(?:\.\d+)?)[x×*](\d+(?:\.\d+)?)$/i.exec(size) : null;
  if (m) {
    const w = Number(m[1]);
    const h = Number(m[2]);
    const preset = PAPER_PRESETS.find((p) => (p.widthMm === w && p.heightMm === h) || (p.widthMm === h && p.heightMm === w));
    const orient = o ?? (w > h ? 'landscape' : 'portrait');
    return preset ? { size: preset.key, orientation: orient } : { size: 'CUSTOM', orientation: orient, customWidthMm: w, customHeightMm: h };
  }
  const key = size ? size.toUpperCase() : undefined;
  return { size: key ?? 'A4', orientation: o ?? 'portrait' };
}

async function printCommand(io: CliIO, dataDir: string, operator: string | null, type: string | undefined, v: Record<string, string | boolean | undefined>): Promise<number> {
  if (v.list) {
    printJson(
      io,
      DOC_TYPES.map((d) => ({ type: d.type, title: d.title, group: d.group, description: d.description, defaultPaper: d.defaultPaper, suggestedSizes: d.suggestedSizes, record: d.records?.label ?? null, options: d.options ?? [] })),
    );
    return 0;
  }
  if (!type) throw new UsageError('print 需要文件类型（用 print --list 查看），例如：print responsibilityBoard --out board.pdf');
  if (typeof v.out !== 'string') throw new UsageError('print 需要 --out FILE.pdf');
  const out = resolve(v.out);
  let paper: PaperChoice | undefined;
  try {
    paper = parseSize(typeof v.size === 'string' ? v.size : undefined, typeof v.orientation === 'string' ? v.orientation : undefined);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(String(err));
  }
  const rt = await openRuntime(dataDir, operator);
  try {
    const app = rt.app();
    const parsed = contract['print.preview'].input.safeParse({
      type,
      ...(paper ? { paper } : {}),
      recordId: typeof v.id === 'string' ? v.id : null,
      unitId: typeof v.unit === 'string' ? v.unit : null,
      level: typeof v.level === 'string' ? v.level : null,
      onlyUnsigned: v['only-unsigned'] === true,
      from: typeof v.from === 'string' ? v.from : null,
      to: typeof v.to === 'string' ? v.to : null,
      status: typeof v.status === 'string' ? v.status : null,
      year: typeof v.year === 'string' ? Number(v.year) : null,
      quarter: typeof v.quarter === 'string' ? Number(v.quarter) : null,
    });
    if (!parsed.success) {
      printJson(io, { ok: false, error: fromZodError(parsed.error).toData() });
      return 1;
    }
    const r = await renderDocument(app, parsed.data);
    writeFileAtomic(out, r.bytes);
    const doc = registerDocument(app, r, parsed.data, 'CLI', out, null);
    printJson(io, { ok: true, value: { file: out, title: r.title, fingerprint: r.fingerprint, pageCount: r.pageCount, paper: r.paper.label, omitted: r.omitted, warnings: r.warnings, documentId: doc.id } });
    return 0;
  } catch (err) {
    printJson(io, { ok: false, error: fromUnknownError(err).toData() });
    return 1;
  } finally {
    rt.close();
  }
}

function check(io: CliIO, dataDir: string): number {
  const file = join(dataDir, 'safeledger.db');
  const supported = loadMigrationsFromDisk().length;
  if (!existsSync(file)) {
    printJson(io, { ok: false, dataDir, problems: [`数据目录中没有数据库文件：${file}`] });
    return 1;
  }
  let db;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    printJson(io, { ok: false, dataDir, problems: [`无法打开数据库：${err instanceof Error ? err.message : String(err)}`] });
    return 1;
  }
  try {
    const problems: string[] = [];
    const integrity = checkDatabase(db, true);
    if (integrity) problems.push(`完整性检查未通过：${integrity}`);
    let version = 0;
    try {
      version = schemaVersion(db);
    } catch (err) {
      problems.push(`无法读取结构版本：${err instanceof Error ? err.message : String(err)}`);
    }
    if (version > supported) problems.push(`数据库结构版本 ${version} 高于本程序支持的 ${supported}，请升级程序`);
    const pending = version < supported ? supported - version : 0;
    printJson(io, { ok: problems.length === 0, dataDir, schemaVersion: version, supportedSchemaVersion: supported, pendingMigrations: pending, integrity: integrity ?? 'ok', problems });
    return problems.length ? 1 : 0;
  } finally {
    db.close();
  }
}

if (import.meta.main) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}

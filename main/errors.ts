import type { z } from 'zod';
import type { ApiErrorData, ErrorCode, FieldError } from '../preload/contract/define.ts';

/** An error meant for the user: a code, a Chinese message that says what to fix, optional field errors. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  toData(): ApiErrorData {
    return this.fields?.length ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

interface Fail {
  field(path: string, message: string): never;
  notFound(what: string): never;
  conflict(message: string, path?: string): never;
  rule(message: string, path?: string): never;
}

/** Throwers for the usual refusals. Typed explicitly so TypeScript narrows after a call. */
export const fail: Fail = {
  /** Input is wrong in one field. */
  field(path: string, message: string): never {
    throw new AppError('VALIDATION', message, [{ path, message }]);
  },
  notFound(what: string): never {
    throw new AppError('NOT_FOUND', `${what}不存在或已被删除，请刷新后重试`);
  },
  conflict(message: string, path?: string): never {
    throw new AppError('CONFLICT', message, path ? [{ path, message }] : undefined);
  },
  rule(message: string, path?: string): never {
    throw new AppError('RULE', message, path ? [{ path, message }] : undefined);
  },
};

export function fromZodError(err: z.ZodError): AppError {
  const fields: FieldError[] = err.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = fields[0];
  const message =
    fields.length === 1 && first ? first.message : `有 ${fields.length} 处输入需要修改：${fields.map((f) => f.message).join('；')}`;
  return new AppError('VALIDATION', message, fields);
}

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/** Constraint failures the services did not catch first still reach the user as a sentence, not a stack trace. */
export function fromUnknownError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as SqliteLikeError;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('CONFLICT', '与已有记录重复，请检查编号、名称等需要唯一的内容');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AppError('CONFLICT', '该记录仍被其他记录引用（或引用的记录不存在），操作未执行');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('VALIDATION', '数据不符合约束条件，操作未执行，请检查输入');
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new AppError('DB_CORRUPT', '数据库文件已损坏，请重启程序并从备份恢复');
  }
  if (code === 'SQLITE_FULL') return new AppError('INTERNAL', '磁盘空间已满，操作未执行。请清理磁盘后重试');
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return new AppError('INTERNAL', `程序内部错误，操作未执行：${message}`);
}

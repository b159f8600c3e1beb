import { contract, isMethodName, type MethodName } from '../../preload/contract/index.ts';
import type { ApiResult } from '../../preload/contract/define.ts';
import type { AppRuntime } from '../bootstrap.ts';
import { AppError, fromUnknownError, fromZodError } from '../errors.ts';
import { handlers } from './handlers.ts';
import type { ApiHandlers, Handler } from './types.ts';

export interface DispatchOptions {
  /** Check every output against its schema (tests and development). */
  validateOutput?: boolean;
  /** Where unexpected errors are logged. */
  log?: (err: unknown, method: string) => void;
}

/**
 * The one door into main, whatever the transport (Electron IPC, the e2e
 * binding, the CLI): unknown methods and malformed input are refused before
 * any handler runs; every outcome is `{ ok, value }` or `{ ok: false, error }`.
 */
export async function dispatch(rt: AppRuntime, method: unknown, rawInput: unknown, options: DispatchOptions = {}): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的接口方法「${String(method).slice(0, 80)}」` } };
  }
  const def = contract[method];
  const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) return { ok: false, error: fromZodError(parsed.error).toData() };
  try {
    const handler = (handlers as ApiHandlers)[method] as Handler<MethodName>;
    const value = await handler(parsed.data as never, rt);
    if (options.validateOutput) {
      const check = def.output.safeParse(value);
      if (!check.success) {
        throw new Error(`Output of ${method} does not match its contract: ${check.error.message}`);
      }
    }
    if (def.kind === 'mutation') rt.emit('data.changed', { method });
    return { ok: true, value };
  } catch (err) {
    const appError = fromUnknownError(err);
    if (!(err instanceof AppError)) options.log?.(err, method);
    return { ok: false, error: appError.toData() };
  }
}

/**
 * Typed access to main. `invoke<K>` is typed from the contract; failures become
 * an `ApiError` carrying the Chinese message and the field errors.
 */
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ApiErrorData, ApiResult, ErrorCode, FieldError } from '../../../preload/contract/define.ts';
import type { InputOf, MethodName, OutputOf } from '../../../preload/contract/index.ts';
import type { SafeLedgerBridge } from '../../../preload/bridge.ts';

declare global {
  interface Window {
    api: SafeLedgerBridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.fields = data.fields ?? [];
  }
}

export async function invoke<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
  if (!window.api) throw new ApiError({ code: 'INTERNAL', message: '程序接口不可用，请重新启动 SafeLedger' });
  const result = (await window.api.invoke(method, input)) as ApiResult<OutputOf<K>>;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function useApi<K extends MethodName>(
  method: K,
  input: InputOf<K>,
  options: Omit<UseQueryOptions<OutputOf<K>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<K>, ApiError>({
    queryKey: [method, input],
    queryFn: () => invoke(method, input),
    ...options,
  });
}

/** A mutation; on success every query is refreshed (the data is local, refetching is cheap). */
export function useApiMutation<K extends MethodName>(method: K) {
  const qc = useQueryClient();
  return useMutation<OutputOf<K>, ApiError, InputOf<K>>({
    mutationFn: (input) => invoke(method, input),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

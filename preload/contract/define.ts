import type { z } from 'zod';

/**
 * One API method: its zod input and output, whether it changes data, and a
 * one-line Chinese summary (shown by `cli methods`).
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'query' | 'mutation';
  readonly summary: string;
  readonly input: I;
  readonly output: O;
}

export function query<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodDef<I, O> {
  return { kind: 'query', summary, input, output };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodDef<I, O> {
  return { kind: 'mutation', summary, input, output };
}

/** Error codes returned in `{ ok: false, error }`. */
export const ERROR_CODES = [
  'VALIDATION', // input failed validation; `fields` says where
  'NOT_FOUND', // the record does not exist (any more)
  'CONFLICT', // duplicates, or the record is referenced elsewhere
  'RULE', // a business rule forbids the change
  'UNKNOWN_METHOD',
  'FORBIDDEN', // the caller is not the app's own page
  'NOT_READY', // the database is not open (setup, corrupt, too new)
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the offending field, e.g. `creditCode` or `posts.0.postId`. */
  path: string;
  message: string;
}

export interface ApiErrorData {
  code: ErrorCode;
  /** Chinese, says what to fix. */
  message: string;
  fields?: FieldError[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

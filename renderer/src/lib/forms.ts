import type { ButtonProps, FormInstance } from 'antd';
import { ApiError, errorMessage } from './api.ts';

/**
 * Shows an API error where the user can act on it: field errors next to their
 * fields (paths like `enterprise.creditCode` map to nested form names), the
 * whole message in a toast.
 */
export function showApiError(err: unknown, notify: (msg: string) => void, form?: FormInstance, pathPrefix: string[] = []): void {
  if (form && err instanceof ApiError && err.fields.length) {
    const known = new Set(Object.keys(flatten(form.getFieldsValue(true) as Record<string, unknown>)));
    const fields = err.fields
      .map((f) => ({ name: [...pathPrefix, ...f.path.split('.')].map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message], path: f.path }))
      .filter((f) => known.has(f.name.join('.')) || known.has(String(f.name[0])));
    if (fields.length) form.setFields(fields.map(({ name, errors }) => ({ name, errors })));
  }
  notify(errorMessage(err));
}

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj ?? {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    out[key] = v;
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v as Record<string, unknown>, key));
  }
  return out;
}

/** antd forms hold `undefined` for untouched optional fields; the contract accepts null or omission. */
export function clean<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v === undefined ? null : v;
  return out as T;
}

/** A test id on a modal's OK button (antd types leave no room for data-* in okButtonProps). */
export function okButtonTestId(id: string): ButtonProps {
  return { 'data-testid': id } as unknown as ButtonProps;
}

import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Page state kept in the URL (so links can open a filtered list or a record).
 * Updates are applied to the latest params, so quick successive edits never
 * overwrite each other.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (entries: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(entries)) {
            if (v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [params, update, setParams] as const;
}

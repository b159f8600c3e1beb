import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '..');
/** A zone far from Asia/Shanghai: the calendar date differs from UTC's for most of the day. */
export const FAR_ZONE = 'Pacific/Kiritimati';

const node = (name: string, include: string, tz: string) => ({
  extends: false as const,
  test: {
    name,
    root,
    include: [include],
    environment: 'node' as const,
    env: { TZ: tz, SAFELEDGER_TEST: '1' },
    testTimeout: 30_000,
  },
});

export default defineConfig({
  test: {
    root,
    reporters: ['default'],
    projects: [
      node('unit', 'tests/unit/**/*.test.ts', 'UTC'),
      node('unit-far-zone', 'tests/unit/**/*.test.ts', FAR_ZONE),
      node('db', 'tests/db/**/*.test.ts', 'UTC'),
      node('db-far-zone', 'tests/db/**/*.test.ts', FAR_ZONE),
      {
        extends: false,
        test: {
          name: 'e2e',
          root,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'UTC', SAFELEDGER_TEST: '1' },
          globalSetup: ['tests/e2e/harness/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: false,
        test: {
          name: 'electron',
          root,
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

/**
 * This feature's entries in the 安全生产标准化 menu group and its routes (wired in AppShell).
 */
import type { ReactElement, ReactNode } from 'react';

export const standardsMenu: { key: string; icon: ReactNode; label: string }[] = [];

export const standardsRoutes: ReactElement[] = [];

/**
 * This feature's entries in the 应急与培训 menu group and its routes (wired in AppShell).
 */
import type { ReactElement, ReactNode } from 'react';

export const trainingMenu: { key: string; icon: ReactNode; label: string }[] = [];

export const trainingRoutes: ReactElement[] = [];

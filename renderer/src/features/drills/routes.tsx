/**
 * This feature's entries in the 应急与培训 menu group and its routes (wired in AppShell).
 */
import type { ReactElement, ReactNode } from 'react';
import { Route } from 'react-router';
import { CarryOutOutlined, FireOutlined } from '@ant-design/icons';
import { DrillPlanPage } from './DrillPlanPage.tsx';
import { DrillsPage } from './DrillsPage.tsx';

export const drillMenu: { key: string; icon: ReactNode; label: string }[] = [
  { key: '/drills/plan', icon: <CarryOutOutlined />, label: '演练计划' },
  { key: '/drills', icon: <FireOutlined />, label: '演练记录' },
];

export const drillRoutes: ReactElement[] = [
  <Route key="drill-plan" path="/drills/plan" element={<DrillPlanPage />} />,
  <Route key="drills" path="/drills" element={<DrillsPage />} />,
];

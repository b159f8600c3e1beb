/**
 * This feature's entries in the 应急与培训 menu group and its routes (wired in AppShell).
 */
import type { ReactElement, ReactNode } from 'react';
import { Route } from 'react-router';
import { CalendarOutlined, ControlOutlined, IdcardOutlined, ReadOutlined } from '@ant-design/icons';
import { TrainingSessionsPage } from './TrainingSessionsPage.tsx';
import { TrainingPlanPage } from './TrainingPlanPage.tsx';
import { TrainingCompliancePage } from './TrainingCompliancePage.tsx';
import { TrainingSettingsPage } from './TrainingSettingsPage.tsx';

export const trainingMenu: { key: string; icon: ReactNode; label: string }[] = [
  { key: '/training', icon: <ReadOutlined />, label: '培训记录' },
  { key: '/training/plan', icon: <CalendarOutlined />, label: '培训计划' },
  { key: '/training/compliance', icon: <IdcardOutlined />, label: '培训档案与学时' },
  { key: '/training/settings', icon: <ControlOutlined />, label: '培训设置' },
];

export const trainingRoutes: ReactElement[] = [
  <Route key="training" path="/training" element={<TrainingSessionsPage />} />,
  <Route key="training-plan" path="/training/plan" element={<TrainingPlanPage />} />,
  <Route key="training-compliance" path="/training/compliance" element={<TrainingCompliancePage />} />,
  <Route key="training-settings" path="/training/settings" element={<TrainingSettingsPage />} />,
];

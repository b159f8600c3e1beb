/**
 * This feature's entries in the 应急与培训 menu group and its routes (wired in AppShell).
 */
import type { ReactElement, ReactNode } from 'react';
import { Route } from 'react-router';
import { FileProtectOutlined, IdcardOutlined, SlidersOutlined } from '@ant-design/icons';
import { EmergencyPlansPage } from './EmergencyPlansPage.tsx';
import { EmergencyCardsPage } from './EmergencyCardsPage.tsx';
import { EmergencySettingsPage } from './EmergencySettingsPage.tsx';

export const emergencyMenu: { key: string; icon: ReactNode; label: string }[] = [
  { key: '/emergency/plans', icon: <FileProtectOutlined />, label: '应急预案' },
  { key: '/emergency/cards', icon: <IdcardOutlined />, label: '应急处置卡' },
  { key: '/emergency/settings', icon: <SlidersOutlined />, label: '应急管理设置' },
];

export const emergencyRoutes: ReactElement[] = [
  <Route key="/emergency/plans" path="/emergency/plans" element={<EmergencyPlansPage />} />,
  <Route key="/emergency/cards" path="/emergency/cards" element={<EmergencyCardsPage />} />,
  <Route key="/emergency/settings" path="/emergency/settings" element={<EmergencySettingsPage />} />,
];

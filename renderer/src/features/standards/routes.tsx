/**
 * This feature's entries in the 安全生产标准化 menu group and its routes (wired in AppShell).
 */
import type { ReactElement, ReactNode } from 'react';
import { Route } from 'react-router';
import { AuditOutlined, BookOutlined } from '@ant-design/icons';
import { StandardsPage } from './StandardsPage.tsx';
import { LibraryPage } from './LibraryPage.tsx';

export const standardsMenu: { key: string; icon: ReactNode; label: string }[] = [
  { key: '/standards', icon: <AuditOutlined />, label: '标准化自评' },
  { key: '/standards/library', icon: <BookOutlined />, label: '评分标准库' },
];

export const standardsRoutes: ReactElement[] = [
  <Route key="standards" path="/standards" element={<StandardsPage />} />,
  <Route key="standards-library" path="/standards/library" element={<LibraryPage />} />,
];

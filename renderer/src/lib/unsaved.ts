import { useCallback, useRef } from 'react';
import { App as AntApp } from 'antd';

/**
 * Guards leaving a form with unsaved changes: the form reports its dirty state
 * through `onDirtyChange`; `guard(then)` runs `then` at once when clean, or
 * after the user confirms discarding the changes.
 */
export function useUnsavedGuard(content: string, okText = '放弃修改并关闭') {
  const { modal } = AntApp.useApp();
  const dirty = useRef(false);
  const onDirtyChange = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);
  const guard = (then: () => void) => {
    if (!dirty.current) {
      then();
      return;
    }
    modal.confirm({
      title: '放弃未保存的修改？',
      content,
      okText,
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: () => {
        dirty.current = false;
        then();
      },
    });
  };
  return { onDirtyChange, guard };
}

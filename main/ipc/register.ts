import type { IpcMain, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../preload/bridge.ts';
import type { AppRuntime } from '../bootstrap.ts';
import { isTrustedAppUrl } from '../window.ts';
import { dispatch } from './dispatch.ts';

/**
 * One ipcMain.handle for the whole API. Calls from any frame other than the
 * app's own top-level page are refused before anything is parsed.
 */
export function registerIpc(ipcMain: IpcMain, getRuntime: () => AppRuntime, appEntryUrl: string, log: (err: unknown, method: string) => void): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !isTrustedAppUrl(frame.url, appEntryUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自非本程序页面的调用' } };
    }
    return dispatch(getRuntime(), method, input, { log });
  });
}

export function sendEvent(contents: WebContents | null, event: string, payload: unknown): void {
  if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event, payload);
}

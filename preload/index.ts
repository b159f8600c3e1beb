import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from './bridge.ts';

// Only `invoke` and `on` cross into the page; ipcRenderer itself never does.
const api = createBridge({
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input),
  subscribe: (listener) => {
    ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    });
  },
});

contextBridge.exposeInMainWorld('api', api);

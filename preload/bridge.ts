/**
 * The whole renderer-facing API: `invoke(method, input)` and `on(event, cb)`.
 * The preload builds it over Electron IPC; the e2e harness builds the very same
 * object over a Playwright binding. Nothing else crosses the bridge.
 */
export interface BridgeTransport {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): void;
}

export interface SafeLedgerBridge {
  invoke(method: string, input?: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

export function createBridge(transport: BridgeTransport): SafeLedgerBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  transport.subscribe((event, payload) => {
    for (const cb of listeners.get(event) ?? []) {
      try {
        cb(payload);
      } catch (err) {
        console.error(err);
      }
    }
  });
  return Object.freeze({
    invoke(method: string, input?: unknown) {
      if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
      return transport.invoke(method, input === undefined ? {} : input);
    },
    on(event: string, callback: (payload: unknown) => void) {
      if (typeof event !== 'string' || typeof callback !== 'function') throw new TypeError('on(event, callback)');
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(callback);
      return () => {
        set.delete(callback);
      };
    },
  });
}

export const IPC_INVOKE_CHANNEL = 'safeledger:invoke';
export const IPC_EVENT_CHANNEL = 'safeledger:event';

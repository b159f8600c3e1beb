/**
 * Desktop notifications (Electron only): shortly after start and then hourly,
 * the notice centre's new overdue and due items are announced once each; a
 * click brings the window forward, where the notice centre lists them.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { AppRuntime } from './bootstrap.ts';
import { notices } from './modules/hazards/notices.ts';

export function startDesktopNotices(runtime: () => AppRuntime | null, window: () => BrowserWindow | null): () => void {
  const announced = new Set<string>();
  const tick = () => {
    const rt = runtime();
    if (!rt || rt.state !== 'ready' || !Notification.isSupported()) return;
    try {
      const fresh = notices(rt.app()).filter((n) => n.severity !== 'info' && !announced.has(n.key));
      if (!fresh.length) return;
      for (const n of fresh) announced.add(n.key);
      const danger = fresh.filter((n) => n.severity === 'danger').length;
      const body = fresh
        .slice(0, 3)
        .map((n) => n.title)
        .join('\n');
      const note = new Notification({ title: danger ? `SafeLedger：${danger} 项逾期或重大事项` : `SafeLedger：${fresh.length} 项待办提醒`, body: fresh.length > 3 ? `${body}\n……共 ${fresh.length} 项` : body });
      note.on('click', () => {
        const w = window();
        if (!w) return;
        if (w.isMinimized()) w.restore();
        w.show();
        w.focus();
      });
      note.show();
    } catch (err) {
      console.error('[desktop notices]', err);
    }
  };
  const first = setTimeout(tick, 15_000);
  const hourly = setInterval(tick, 3_600_000);
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}

import dayjs from 'dayjs';
import { CALENDAR_KIND, PlanTypeTag, type CalendarEntry, type CalendarKind } from './drillMeta.tsx';

const LEGEND: CalendarKind[] = ['PLANNED', 'DONE', 'LATE', 'MISSED', 'CANCELLED', 'UNPLANNED'];

/**
 * The year at a glance: twelve month cells with the planned, done, late,
 * missed, cancelled and unplanned drills, each with its colour and its label.
 * Clicking an entry opens the drill when there is one, else the plan item.
 */
export function DrillCalendar({ year, entries, onOpen }: { year: number; entries: CalendarEntry[]; onOpen: (e: CalendarEntry) => void }) {
  const now = dayjs();
  const currentMonth = now.year() === year ? now.month() + 1 : null;
  return (
    <div data-testid="drill-calendar">
      <div className="sl-drill-legend">
        {LEGEND.map((k) => (
          <span key={k} className={`sl-drill-entry-kind ${CALENDAR_KIND[k].className}`} title={CALENDAR_KIND[k].hint}>
            {CALENDAR_KIND[k].label}
          </span>
        ))}
        <span className="sl-muted" style={{ fontSize: 12 }}>
          点击条目查看演练记录或计划项
        </span>
      </div>
      <div className="sl-drill-calendar">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => {
          const list = entries.filter((e) => e.month === m);
          const half = m <= 6 ? '上半年' : '下半年';
          return (
            <div key={m} className={`sl-drill-month${m === currentMonth ? ' is-current' : ''}`} data-testid={`drill-month-${m}`}>
              <div className="sl-drill-month-head">
                <b>{m} 月</b>
                <span className="sl-muted" style={{ fontSize: 12 }}>
                  {m === currentMonth ? '本月' : m === 1 || m === 7 ? half : ''}
                </span>
              </div>
              {list.length === 0 && <div className="sl-drill-month-empty">—</div>}
              {list.map((e, i) => {
                const k = CALENDAR_KIND[e.kind];
                return (
                  <button
                    type="button"
                    key={`${e.itemId ?? e.drillId}-${i}`}
                    className={`sl-drill-entry ${k.className}`}
                    onClick={() => onOpen(e)}
                    title={`${k.hint}${e.date ? `（演练日期 ${e.date}）` : ''}`}
                    data-testid="drill-calendar-entry"
                    data-kind={e.kind}
                  >
                    <span className={`sl-drill-entry-kind ${k.className}`}>{k.label}</span>
                    <span className="sl-drill-entry-title">{e.title}</span>
                    <span className="sl-drill-entry-meta">
                      <PlanTypeTag type={e.planType} short />
                      {e.date && <span>{e.kind === 'LATE' ? `${e.date.slice(5)} 完成` : e.date.slice(5)}</span>}
                    </span>
                  </button>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Empty } from 'antd';

export interface ItemView {
  key: string;
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}

/** A plain bordered list of title / description / extra rows (antd's List is deprecated in v6). */
export function ItemList<T>({ items, render, empty, header, bordered }: { items: readonly T[]; render: (item: T) => ItemView; empty: string; header?: ReactNode; bordered?: boolean }) {
  return (
    <div className={bordered ? 'sl-list sl-list-bordered' : 'sl-list'}>
      {header && <div className="sl-list-header">{header}</div>}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        items.map((item) => {
          const v = render(item);
          return (
            <div className="sl-list-item" key={v.key}>
              <div className="sl-list-main">
                <div className="sl-list-title">{v.title}</div>
                {v.description && <div className="sl-list-desc">{v.description}</div>}
              </div>
              {v.extra && <div className="sl-list-extra">{v.extra}</div>}
            </div>
          );
        })
      )}
    </div>
  );
}

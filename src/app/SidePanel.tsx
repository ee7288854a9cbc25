// The tabbed side panel (Problems, and whatever other features register in ./panels.tsx).
import { useApp } from '../store/index.ts';
import { panelTabs, type PanelTab } from './panels.tsx';

function TabBadge({ tab }: { tab: PanelTab }) {
  const n = useApp((s) => (tab.badge ? tab.badge(s) : null));
  if (n === null || n === 0) return null;
  return <span className="sw-tab-badge">{n}</span>;
}

export function SidePanel() {
  const current = useApp((s) => s.view.panelTab);
  const setTab = useApp((s) => s.setPanelTab);
  const active = panelTabs.find((t) => t.id === current) ?? panelTabs[0];
  return (
    <aside className="sw-side" aria-label="Side panel">
      <div className="sw-tabs" role="tablist">
        {panelTabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`sw-tab-${tab.id}`}
            aria-selected={tab.id === active.id}
            aria-controls={`sw-tabpanel-${tab.id}`}
            className="sw-tab"
            data-testid={`tab-${tab.id}`}
            onClick={() => setTab(tab.id)}
          >
            {tab.label}
            <TabBadge tab={tab} />
          </button>
        ))}
      </div>
      <div className="sw-tabpanel" role="tabpanel" id={`sw-tabpanel-${active.id}`} aria-labelledby={`sw-tab-${active.id}`}>
        <active.Component />
      </div>
    </aside>
  );
}

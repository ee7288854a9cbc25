// The side panel's tabs. Other features add theirs here (one entry each).
import type { ComponentType } from 'react';
import type { AppState } from '../store/index.ts';
import { ProblemsList } from './ProblemsList.tsx';
import { ExplainPanel } from './teaching/ExplainPanel.tsx';
import { SchedulePanel } from './teaching/SchedulePanel.tsx';

export interface PanelTab {
  id: string;
  label: string;
  Component: ComponentType;
  /** A count shown beside the label, or null. */
  badge?: (s: AppState) => number | null;
}

export const panelTabs: PanelTab[] = [
  {
    id: 'problems',
    label: 'Problems',
    Component: ProblemsList,
    badge: (s) => s.analysis.diagnostics.length,
  },
  { id: 'explain', label: 'Stage', Component: ExplainPanel },
  { id: 'schedule', label: 'Schedule', Component: SchedulePanel },
];

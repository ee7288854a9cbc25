// A stage on the canvas. Everything shown comes from the node's data (derived
// from the text); the only local state is a just-committed inline edit, shown
// until the analysis of the edited text reaches the node (a frame later: the
// editor draws the edit first), so the old value does not flash back.
// Names and images are rendered as text nodes, never as HTML.
import { memo, useCallback, useState } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useApp, type StageFlowNode, type BaseBadge, type StageNodeData } from '../store/index.ts';
import { InlineInput } from './InlineInput.tsx';
import { sameNodeProps } from './nodeProps.ts';
import { isCollapsed } from './selectors.ts';
import { changeBaseImage, openStageMenu, renameStage } from './gestures.ts';

const BADGE_LABEL: Record<BaseBadge, string> = {
  scratch: 'scratch',
  distroless: 'distroless',
  stage: 'stage base',
  variable: 'ARG',
};

const BADGE_TITLE: Record<BaseBadge, string> = {
  scratch: 'Empty base image: no shell, no files',
  distroless: 'Distroless base: no shell or package manager',
  stage: 'Built on an earlier stage of this file',
  variable: 'The base image uses build arguments',
};

export const StageNode = memo(StageNodeView, sameNodeProps);

function StageNodeView({ id, data, selected }: NodeProps<StageFlowNode>) {
  const collapsed = useApp((s) => isCollapsed(s, id));
  const editing = useApp((s) => (s.inlineEdit === `${id}:name` ? 'name' : s.inlineEdit === `${id}:base` ? 'base' : null));
  const toggleCollapsed = useApp((s) => s.toggleCollapsed);
  const setInlineEdit = useApp((s) => s.setInlineEdit);
  const stopEditing = useCallback(() => setInlineEdit(null), [setInlineEdit]);
  // Dropped as soon as the node's data changes, i.e. when the new analysis lands.
  const [committed, setCommitted] = useState<{ field: 'name' | 'base'; value: string; data: StageNodeData } | null>(null);
  const shown = committed !== null && committed.data === data ? committed : null;
  const commit = (field: 'name' | 'base', value: string, gesture: (index: number, value: string) => boolean) => {
    stopEditing();
    setCommitted(gesture(data.index, value) ? { field, value, data } : null);
  };

  const title = shown?.field === 'name' ? shown.value : (data.name ?? `#${data.index}`);
  const base = shown?.field === 'base' ? shown.value : data.base;
  const problems = data.errors + data.warnings;
  const classes = ['sw-node', 'sw-stage'];
  if (selected) classes.push('is-selected');
  if (data.isFinal) classes.push('is-final');
  if (data.built === false) classes.push('is-skipped');
  if (data.errors > 0) classes.push('has-errors');

  return (
    <div
      className={classes.join(' ')}
      data-testid="stage-node"
      data-stage-index={data.index}
      data-stage-name={data.name ?? ''}
      data-built={data.built === null ? undefined : String(data.built)}
    >
      <Handle type="target" position={Position.Left} className="sw-handle" />
      <div className="sw-stage-head">
        <span className="sw-stage-index">{data.index}</span>
        {editing === 'name' ? (
          <span className="sw-inline-host">
            <span className="sw-stage-name sw-inline-shadow" aria-hidden="true">
              {title}
            </span>
            <InlineInput
              label="Stage name"
              initial={data.name ?? ''}
              className="sw-stage-name-input"
              onCommit={(v) => commit('name', v, renameStage)}
              onCancel={stopEditing}
            />
          </span>
        ) : (
          <span
            className={`sw-stage-name ${data.name || shown?.field === 'name' ? '' : 'is-unnamed'}`}
            data-testid="stage-name"
            title={`${title}: double-click to rename`}
            onDoubleClick={(e) => {
              e.stopPropagation();
              setInlineEdit(`${id}:name`);
            }}
          >
            {title}
          </span>
        )}
        {data.isFinal && (
          <span className="sw-pill sw-pill-final" title="The last stage: what `docker build` produces without --target">
            final
          </span>
        )}
        {problems > 0 && (
          <span
            className={`sw-pill ${data.errors > 0 ? 'sw-pill-error' : 'sw-pill-warning'}`}
            data-testid="stage-problems"
            title={`${data.errors} error(s), ${data.warnings} warning(s)`}
          >
            {problems}
          </span>
        )}
        <button
          type="button"
          className="sw-icon-button nodrag"
          aria-label={`Actions for stage ${title}`}
          data-testid="stage-menu"
          onClick={(e) => {
            e.stopPropagation();
            const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
            openStageMenu(data.index, id, { x: r.right, y: r.bottom });
          }}
        >
          ⋯
        </button>
      </div>
      <div className="sw-stage-base">
        <span className="sw-label">FROM</span>
        {editing === 'base' ? (
          <span className="sw-inline-host">
            <span className="sw-base-image sw-inline-shadow" aria-hidden="true">
              {data.base}
            </span>
            <InlineInput
              label="Base image"
              initial={data.base}
              className="sw-stage-base-input"
              onCommit={(v) => commit('base', v, changeBaseImage)}
              onCancel={stopEditing}
            />
          </span>
        ) : (
          <span
            className="sw-base-image"
            data-testid="stage-base"
            title={`${base}: double-click to change the base image`}
            onDoubleClick={(e) => {
              e.stopPropagation();
              setInlineEdit(`${id}:base`);
            }}
          >
            {base}
          </span>
        )}
      </div>
      {data.resolvedBase !== null && (
        <div className="sw-stage-resolved" title={`${data.resolvedBase}: the base image with build arguments expanded`}>
          <span className="sw-label">=</span>
          <span className="sw-base-image">{data.resolvedBase}</span>
        </div>
      )}
      {(data.platform !== null || data.badges.length > 0) && (
        <div className="sw-badges">
          {data.platform !== null && (
            <span className="sw-badge sw-badge-platform" title="--platform">
              {data.platform}
            </span>
          )}
          {data.badges.map((b) => (
            <span key={b} className={`sw-badge sw-badge-${b}`} title={BADGE_TITLE[b]}>
              {BADGE_LABEL[b]}
            </span>
          ))}
        </div>
      )}
      {data.instructions.length > 0 && (
        <button
          type="button"
          className="sw-instructions-toggle nodrag"
          aria-expanded={!collapsed}
          onClick={(e) => {
            e.stopPropagation();
            toggleCollapsed(id, collapsed);
          }}
        >
          <span className="sw-caret">{collapsed ? '▸' : '▾'}</span>
          {data.instructions.length} instruction{data.instructions.length === 1 ? '' : 's'}
        </button>
      )}
      {!collapsed && data.instructions.length > 0 && (
        <ol className="sw-instructions">
          {data.instructions.map((ins, i) => (
            <li key={i}>
              <span className="sw-keyword">{ins.keyword}</span> <span className="sw-args">{ins.text}</span>
            </li>
          ))}
        </ol>
      )}
      <Handle type="source" position={Position.Right} className="sw-handle" />
    </div>
  );
}

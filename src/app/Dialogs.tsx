// The app's in-page dialogs: add a stage, the paths of a new connection, confirmations.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp } from '../store/index.ts';
import { addStage, connect } from '../canvas/gestures.ts';
import { Modal } from './Modal.tsx';

const close = () => appStore().getState().openDialog(null);

function AddStageDialog() {
  const [base, setBase] = useState('');
  const [name, setName] = useState('');
  return (
    <Modal title="Add a stage" onClose={close} testId="add-stage-dialog">
      <form
        className="sw-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (base.trim() === '') return;
          if (addStage(base.trim(), name.trim() || undefined)) close();
        }}
      >
        <label className="sw-field">
          <span>Base image</span>
          <input
            data-testid="add-stage-base"
            value={base}
            required
            placeholder="e.g. golang:1.23-alpine, or an earlier stage's name"
            spellCheck={false}
            onChange={(e) => setBase(e.target.value)}
          />
        </label>
        <label className="sw-field">
          <span>
            Name <em>(optional)</em>
          </span>
          <input data-testid="add-stage-name" value={name} placeholder="e.g. build" spellCheck={false} onChange={(e) => setName(e.target.value)} />
        </label>
        <p className="sw-hint">
          Adds <code>FROM {base.trim() || '<image>'}{name.trim() ? ` AS ${name.trim()}` : ''}</code> at the end of the file.
        </p>
        <div className="sw-form-actions">
          <button type="button" className="sw-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="sw-button sw-button-primary" data-testid="add-stage-submit" disabled={base.trim() === ''}>
            Add stage
          </button>
        </div>
      </form>
    </Modal>
  );
}

function ConnectDialog({ source, target }: { source: number; target: number }) {
  const names = useApp(
    useShallow((s) => [s.analysis.stages[source]?.name ?? `#${source}`, s.analysis.stages[target]?.name ?? `#${target}`] as const),
  );
  const [src, setSrc] = useState('/app');
  const [dest, setDest] = useState('/app');
  return (
    <Modal title={`Copy from “${names[0]}” into “${names[1]}”`} onClose={close} testId="connect-dialog" compact>
      <form
        className="sw-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (connect(source, target, src.trim(), dest.trim())) close();
        }}
      >
        <div className="sw-field-row">
          <label className="sw-field">
            <span>Path in “{names[0]}”</span>
            <input data-testid="connect-src" value={src} spellCheck={false} onChange={(e) => setSrc(e.target.value)} />
          </label>
          <span className="sw-arrow-sep" aria-hidden="true">
            →
          </span>
          <label className="sw-field">
            <span>Destination in “{names[1]}”</span>
            <input data-testid="connect-dest" value={dest} spellCheck={false} onChange={(e) => setDest(e.target.value)} />
          </label>
        </div>
        <p className="sw-hint">
          Inserts <code>COPY --from={names[0]} {src || '<src>'} {dest || '<dest>'}</code> into “{names[1]}”.
        </p>
        <div className="sw-form-actions">
          <button type="button" className="sw-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="sw-button sw-button-primary" data-testid="connect-submit" disabled={!src.trim() || !dest.trim()}>
            Add COPY
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add-stage':
      return <AddStageDialog />;
    case 'connect':
      return <ConnectDialog source={dialog.source} target={dialog.target} />;
    case 'confirm':
      return (
        <Modal title={dialog.title} onClose={close} testId="confirm-dialog">
          <p className="sw-modal-message">{dialog.message}</p>
          <div className="sw-form-actions">
            <button type="button" className="sw-button" data-testid="cancel" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className={`sw-button ${dialog.danger ? 'sw-button-danger' : 'sw-button-primary'}`}
              data-testid="confirm"
              onClick={() => {
                close();
                dialog.onConfirm();
              }}
            >
              {dialog.confirmLabel}
            </button>
          </div>
        </Modal>
      );
    case 'stage-menu':
      return null; // rendered by the canvas, next to the node
  }
}

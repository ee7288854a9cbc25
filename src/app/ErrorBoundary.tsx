// If rendering fails, say so plainly and keep the text: it is shown, can be
// downloaded, and stays saved in the browser for the next load.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { downloadText } from './files.ts';

interface Props {
  getText(): string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Stagewright crashed while rendering', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    const text = this.props.getText();
    return (
      <div className="sw-crash" role="alert">
        <h1>Something went wrong while drawing the designer.</h1>
        <p>
          Your Dockerfile is safe: it is below, and it is saved in this browser. Download it, then reload the page.
        </p>
        <p className="sw-crash-detail">{String(this.state.error.message || this.state.error)}</p>
        <div className="sw-form-actions">
          <button type="button" className="sw-button" onClick={() => downloadText(text)}>
            Download Dockerfile
          </button>
          <button type="button" className="sw-button sw-button-primary" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
        <textarea readOnly value={text} aria-label="Your Dockerfile" />
      </div>
    );
  }
}

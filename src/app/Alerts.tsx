// Messages to the user (a refused file, a gesture that cannot be done). Errors
// stay until dismissed or replaced; notes fade after a few seconds.
import { useEffect } from 'react';
import { useApp, type Alert } from '../store/index.ts';

function AlertItem({ alert }: { alert: Alert }) {
  const dismiss = useApp((s) => s.dismissAlert);
  useEffect(() => {
    const t = setTimeout(() => dismiss(alert.id), alert.tone === 'error' ? 12000 : 4000);
    return () => clearTimeout(t);
  }, [alert, dismiss]);
  return (
    <div className={`sw-alert sw-alert-${alert.tone}`} role={alert.tone === 'error' ? 'alert' : 'status'}>
      <span>{alert.message}</span>
      <button type="button" className="sw-icon-button" aria-label="Dismiss" onClick={() => dismiss(alert.id)}>
        ×
      </button>
    </div>
  );
}

export function Alerts() {
  const alerts = useApp((s) => s.alerts);
  return (
    <div className="sw-alerts" aria-live="polite">
      {alerts.map((a) => (
        <AlertItem key={a.id} alert={a} />
      ))}
    </div>
  );
}

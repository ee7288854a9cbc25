// What the edge styles mean.
const ENTRIES = [
  { kind: 'from', label: 'FROM stage' },
  { kind: 'copy', label: 'COPY --from' },
  { kind: 'mount', label: 'RUN --mount from=' },
] as const;

export function Legend() {
  return (
    <div className="sw-legend" data-testid="legend" aria-label="Edge legend">
      {ENTRIES.map((e) => (
        <span key={e.kind} className="sw-legend-entry">
          <svg width="28" height="8" aria-hidden="true">
            <line x1="1" y1="4" x2="27" y2="4" className={`sw-legend-line sw-edge-${e.kind}`} />
          </svg>
          {e.label}
        </span>
      ))}
    </div>
  );
}

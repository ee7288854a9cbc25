// What the edge styles mean. On big graphs edges are solid and told apart by
// colour: dashing thousands of long paths makes the browser's raster crawl.
const ENTRIES = [
  { kind: 'from', label: 'FROM stage' },
  { kind: 'copy', label: 'COPY --from' },
  { kind: 'mount', label: 'RUN --mount from=' },
] as const;

export function Legend({ big }: { big: boolean }) {
  return (
    <div
      className="sw-legend"
      data-testid="legend"
      aria-label="Edge legend"
      title={big ? 'A large graph: connections are told apart by colour only, which keeps the canvas fast.' : undefined}
    >
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

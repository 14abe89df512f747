type Props = { waveId: string; query: string; responses: boolean }

/** Downloads and print: plain links, so they also work from a shared or printed address. */
export function ExportBar({ waveId, query, responses }: Props) {
  const base = `/api/waves/${encodeURIComponent(waveId)}`
  return (
    <div className="export-bar" role="group" aria-label="Export">
      <a
        className="button button--quiet"
        href={`${base}/report.csv${query ? `?${query}` : ''}`}
        download
      >
        Report CSV
      </a>
      {responses && (
        <a className="button button--quiet" href={`${base}/responses.csv`} download>
          Responses CSV
        </a>
      )}
      <button type="button" className="button" onClick={() => window.print()}>
        Print / Save as PDF
      </button>
    </div>
  )
}

import type { RoleLine } from './survey-model'

/** The roles a survey resolves, one plain line each: what the reports will read. */
export function RoleSummary({ lines }: { lines: RoleLine[] }) {
  return (
    <dl className="role-summary">
      {lines.map((l) => (
        <div key={l.role} className={l.value ? undefined : 'role-summary--none'}>
          <dt>{l.label}:</dt>
          <dd>{l.value ?? 'none'}</dd>
        </div>
      ))}
    </dl>
  )
}

import type { ProblemGroup } from './survey-model'
import { roleLabel } from './survey-model'
import type { MappableRole } from './survey-types'

type Props = {
  groups: ProblemGroup[]
  /** Where the mapping form is: a role's problem then offers to go to its control. */
  onMap?: (role: MappableRole) => void
}

/** The check's findings, one block per question (or role), each saying what to change. */
export function ProblemList({ groups, onMap }: Props) {
  return (
    <ul className="problem-groups">
      {groups.map((g) => (
        <li key={g.key}>
          <h4>{g.label}</h4>
          <ul>
            {g.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          {onMap && g.key in roleLabel && (
            <button
              type="button"
              className="link-button"
              onClick={() => onMap(g.key as MappableRole)}
            >
              Map a question to {roleLabel[g.key as MappableRole].toLowerCase()}
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}

import type { ProblemGroup } from './survey-model'

/** The check's findings, one block per question (or role), each saying what to change. */
export function ProblemList({ groups }: { groups: ProblemGroup[] }) {
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
        </li>
      ))}
    </ul>
  )
}

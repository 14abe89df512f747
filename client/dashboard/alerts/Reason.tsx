import { reasonParts } from './alert-format'

/** One reason in words, its score kept on one line ("2 of 5" never splits). */
export function Reason({
  code,
  names,
}: {
  code: string
  names?: Readonly<Record<string, string>>
}) {
  const { name, score } = reasonParts(code, names)
  if (!score) return <>{name}</>
  return (
    <>
      {name}: <span className="alert-score">{score}</span>
    </>
  )
}

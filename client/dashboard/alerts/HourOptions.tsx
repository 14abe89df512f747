/** "07:00": an hour of the day as the digest setting names it. */
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`

/** The 24 hours of a UTC day, as options. */
export function HourOptions() {
  return Array.from({ length: 24 }, (_, h) => (
    <option key={h} value={h}>
      {hourLabel(h)}
    </option>
  ))
}

import type { Db } from '../db/client'
import { getContactFrequencyDays, setContactFrequencyDays } from '../db/contact-frequency'
import { contactFrequencyBody } from '../distribution/contact-frequency-route'
import { CliError } from './cli-error'
import type { CliIo } from './io'

/**
 * `csi settings set contact-frequency <days>`: checked by the API's own rule (PUT
 * /api/settings/contact-frequency), a refusal naming the key and saving nothing.
 */
export async function setContactFrequency(db: Db, value: string | undefined) {
  if (value === undefined)
    throw new CliError('<value>: give the value of contact-frequency (days; 0 turns it off)')
  // Typed text that is not a number is kept as text, so the refusal quotes it.
  const days = value.trim() !== '' && isFinite(+value) ? +value : value
  const parsed = contactFrequencyBody.safeParse({ days })
  if (!parsed.success)
    throw new CliError(`contact-frequency: "${value}" ${parsed.error.issues[0]!.message}`)
  await setContactFrequencyDays(db, parsed.data.days)
}

export async function showContactFrequency(io: CliIo, db: Db) {
  const days = await getContactFrequencyDays(db)
  await io.stdout(
    days > 0
      ? `Contact frequency: nobody is invited more than once in ${days} days, across waves\n`
      : 'Contact frequency: off (0 days): a contact may be invited by every wave\n',
  )
}

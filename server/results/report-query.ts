import { z } from 'zod'
import type { ReportOptions } from '../../reports'
import { audiences } from '../db/schema'

const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
)

/** Report options as query parameters (the same names as the CLI's options). */
export const reportQuery = z
  .object({
    with: list.optional(),
    csi: z.enum(['overall', 'overall-rebuy', 'attributes', 'weighted']).optional(),
    scale: z.enum(['linear', 'proportional', 'anchored10']).optional(),
    by: list.optional(),
    // One or more pairs: `wholesaler:customer,retailer:customer` puts audiences side by side.
    compare: list
      .pipe(
        z
          .array(
            z
              .string()
              .regex(
                new RegExp(`^(${audiences.join('|')}):(${audiences.join('|')})$`),
                'must be <audience>:<audience>, e.g. employee:customer',
              ),
          )
          .max(6),
      )
      .optional(),
    // Never a request option (SPEC §6a): asking for a smaller group is the attack it prevents.
    minGroup: z
      .unknown()
      .refine(() => false, {
        message:
          'the anonymity threshold is a programme setting (an admin sets it: PUT /api/settings/anonymity), not a report option',
      })
      .optional(),
    sort: z.enum(['none', 'mean', 'importance']).optional(),
  })
  .strict()

export function reportOptions(q: z.infer<typeof reportQuery>): ReportOptions {
  const compare = q.compare?.map(
    (pair) => pair.split(':') as [(typeof audiences)[number], (typeof audiences)[number]],
  )
  return {
    ...(q.csi && { csi: q.csi }),
    ...(q.scale && { scale: q.scale }),
    ...(q.by && { by: q.by }),
    ...(compare && { compare }),
    // The strengths and weaknesses table reads best sorted by mean, as the CLI prints it.
    sort: q.sort ?? 'mean',
  }
}

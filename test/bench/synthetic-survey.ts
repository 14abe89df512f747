/** A 15-attribute customer survey with three segment questions: the SPEC §6 report load. */
export const benchAttributes = Array.from(
  { length: 15 },
  (_, i) => `attr_${String(i + 1).padStart(2, '0')}`,
)
export const benchSegments = {
  region: ['north', 'south', 'east', 'west', 'central', 'export'],
  product_line: ['tools', 'parts', 'service', 'software'],
  size: ['small', 'medium', 'large'],
} as const

const scale = [1, 2, 3, 4, 5].map((v) => ({ value: v, text: String(v) }))

export const benchSurvey = {
  title: 'Benchmark survey',
  audience: 'customer',
  version: 1,
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'rating', name: 'overall', rateMin: 1, rateMax: 5, isRequired: true },
        { type: 'rating', name: 'rebuy', rateMin: 1, rateMax: 5, isRequired: true },
        {
          type: 'matrix',
          name: 'attributes',
          columns: scale,
          rows: benchAttributes.map((k) => ({ value: k, text: k })),
        },
        ...Object.entries(benchSegments).map(([name, values]) => ({
          type: 'dropdown',
          name,
          choices: [...values],
        })),
      ],
    },
  ],
}

/** Deterministic pseudo-random answers (xorshift), correlated with overall like real data. */
export function answerGenerator(seed = 12345) {
  let x = seed
  const next = () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4294967296
  }
  const pick = <T>(a: readonly T[]) => a[Math.floor(next() * a.length)]!
  return () => {
    const base = 1 + Math.floor(next() * 5)
    const attributes: Record<string, number> = {}
    for (const k of benchAttributes) {
      if (next() < 0.05) continue // not applicable
      attributes[k] = Math.min(5, Math.max(1, base + Math.round((next() - 0.5) * 3)))
    }
    return {
      overall: base,
      rebuy: Math.min(5, Math.max(1, base + Math.round((next() - 0.5) * 2))),
      attributes,
      region: pick(benchSegments.region),
      product_line: pick(benchSegments.product_line),
      size: pick(benchSegments.size),
    }
  }
}

/** A complete, valid customer answer set; override any question. */
export function makeCustomerAnswers(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    overall: 4,
    rebuy: 5,
    attributes: {
      product_quality: 4,
      delivery_reliability: 3,
      order_accuracy: 5,
      technical_support: 4,
      price_value: 3,
      ease_of_ordering: 4,
      complaint_handling: 2,
      sales_support: 4,
    },
    ...overrides,
  }
}

export function submission(data: Record<string, unknown>, key = crypto.randomUUID()) {
  return { data, submissionKey: key, startedAt: new Date(Date.now() - 90_000).toISOString() }
}

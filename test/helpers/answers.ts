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

/** A complete, valid employee answer set (how staff think customers rate us); override any. */
export function makeEmployeeAnswers(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const { overall: _, rebuy: __, ...customer } = makeCustomerAnswers()
  return {
    overall: 4,
    ...customer,
    attitude: { job_satisfaction: 4, pride: 5, understand_customers: 4, training: 3, tools: 3 },
    department: 'sales',
    ...overrides,
  }
}

/**
 * A survey as SurveyJS Creator saves one: its own question names, none of SPEC §3's, so the
 * reports find its roles only through a mapping ({@link creatorMapping}).
 */
export function creatorSurvey(title = 'Service feedback 2027'): Record<string, unknown> {
  return {
    title,
    pages: [
      {
        name: 'page1',
        elements: [
          {
            type: 'rating',
            name: 'q_satisfaction',
            title: 'Overall, how satisfied are you with us?',
            rateMin: 1,
            rateMax: 5,
            isRequired: true,
          },
          { type: 'rating', name: 'q_again', title: 'Would you order from us again?' },
          {
            type: 'matrix',
            name: 'service_grid',
            title: 'How do you rate us on…',
            columns: [1, 2, 3, 4, 5],
            rows: [
              { value: 'delivery', text: 'Delivery on time' },
              { value: 'support', text: 'Help when something goes wrong' },
            ],
          },
          { type: 'dropdown', name: 'branch', title: 'Your branch', choices: ['north', 'south'] },
          { type: 'comment', name: 'remarks', title: 'Anything else?' },
        ],
      },
    ],
  }
}

export const creatorMapping = {
  overall: 'q_satisfaction',
  rebuy: 'q_again',
  attributes: ['service_grid'],
  segments: ['branch'],
}

/** Answers to {@link creatorSurvey}. */
export const creatorAnswers = (satisfaction: number, delivery: number, support: number) => ({
  q_satisfaction: satisfaction,
  q_again: 4,
  service_grid: { delivery, support },
  branch: satisfaction > 3 ? 'north' : 'south',
})

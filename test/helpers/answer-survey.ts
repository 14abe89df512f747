import type { Page } from 'playwright-core'

/** Answers every rating and matrix row on the current page: `overall` as given, all else 4. */
export async function answerPage(page: Page, overall: number) {
  for (const question of await page.locator('.sd-question[data-name]').all()) {
    const name = await question.getAttribute('data-name')
    const value = name === 'overall' ? overall : 4
    const rating = question.locator('label.sd-rating__item')
    if ((await rating.count()) > 0) {
      await rating
        .filter({ hasText: String(value) })
        .first()
        .click()
      continue
    }
    for (const row of await question.locator('tr.sd-table__row').all()) {
      await row.locator(`label:has(input[type="radio"][value="${value}"])`).click()
    }
  }
}

export async function answerSurvey(page: Page, overall: number) {
  for (let guard = 0; guard < 10; guard++) {
    await page.locator('.sd-question[data-name]').first().waitFor()
    await answerPage(page, overall)
    const next = page
      .locator('input.sd-navigation__next-btn, button:has-text("Next")')
      .filter({ visible: true })
    if ((await next.count()) > 0) {
      await next.first().click()
      continue
    }
    await page
      .locator(
        'input.sd-navigation__complete-btn, button:has-text("Complete"), button:has-text("Submit"), input[value="Submit"], input[value="Complete"]',
      )
      .filter({ visible: true })
      .first()
      .click()
    return
  }
  throw new Error('survey did not reach its last page')
}

import type { Locator, Page } from 'playwright-core'
import { STALL_MS } from './wait-for'

// Each step below is one thing the page must do (render a page, take a click, send the
// answers); it waits for that to happen, not for a time, and gives up only after STALL_MS in
// which it did not: on a busy machine the page is slower, and nothing here counts on its speed.

const nextButton = (page: Page) =>
  page.locator('.sd-navigation__next-btn, button:has-text("Next")').filter({ visible: true })
const completeButton = (page: Page) =>
  page
    .locator(
      '.sd-navigation__complete-btn, button:has-text("Complete"), button:has-text("Submit"), input[value="Submit"], input[value="Complete"]',
    )
    .filter({ visible: true })

/**
 * Which page the survey shows (SurveyJS gives its body the page's id; null once the form is
 * gone, e.g. completed), its title, questions and validation errors.
 */
function surveyState(page: Page) {
  return page.evaluate(() => {
    const body = document.querySelector('.sd-body')
    const names = [...document.querySelectorAll('.sd-question[data-name]')].map((q) =>
      q.getAttribute('data-name'),
    )
    return {
      // The first question stands in should a SurveyJS version drop the body's id.
      key: names.length === 0 ? null : body?.id || `first question ${names[0]}`,
      title: document.querySelector('.sd-page__title')?.textContent?.trim() ?? '',
      questions: names.join(', '),
      errors: [...document.querySelectorAll('.sd-question__erbox, .sd-error')]
        .map((e) => e.textContent?.trim())
        .filter(Boolean)
        .join(' / '),
    }
  })
}

type SurveyState = Awaited<ReturnType<typeof surveyState>>
const where = (s: SurveyState) =>
  s.key === null
    ? 'no survey page (no questions shown)'
    : `page ${s.key} "${s.title}" (questions ${s.questions})${s.errors ? `, showing: ${s.errors}` : ''}`

/**
 * Polls the survey until `moved` holds ('moved'), it shows a validation error ('refused'), or
 * neither happened for STALL_MS ('stuck').
 */
async function untilSettled(page: Page, moved: (now: SurveyState) => boolean) {
  const since = Date.now()
  for (;;) {
    const now = await surveyState(page)
    if (moved(now)) return 'moved'
    if (now.errors) return 'refused'
    if (Date.now() - since > STALL_MS) return 'stuck'
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Whether a rating item or matrix cell (a label around a radio input) is the chosen one. */
const chosen = (option: Locator) =>
  option.evaluate(
    (label) =>
      label.querySelector('input')?.checked === true ||
      label.classList.contains('sd-rating__item--selected'),
    undefined,
    { timeout: STALL_MS },
  )

/**
 * Chooses `option` and waits until the survey shows it chosen. An option chosen already (a
 * resumed draft) is left alone: clicking a chosen rating clears it.
 */
async function choose(option: Locator) {
  if (await chosen(option)) return
  await option.click({ timeout: STALL_MS })
  const since = Date.now()
  while (!(await chosen(option))) {
    if (Date.now() - since > STALL_MS)
      throw new Error(`the survey did not take the click on ${option} in ${STALL_MS / 1000} s`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Answers every rating and matrix row on the current page: `overall` as given, all else `rest`. */
export async function answerPage(page: Page, overall: number, rest = 4) {
  const answered = new Set<string>()
  // An answer can show another question (visibleIf), so look again until a pass finds none
  // new; questions are found by name, as positions shift when one appears.
  for (;;) {
    const names = await page
      .locator('.sd-question[data-name]')
      .evaluateAll((qs) => qs.map((q) => q.getAttribute('data-name')!))
    const fresh = names.filter((n) => !answered.has(n))
    if (fresh.length === 0) return
    for (const name of fresh) {
      answered.add(name)
      const question = page.locator(`.sd-question[data-name="${name}"]`)
      const value = name === 'overall' ? overall : rest
      const rating = question.locator(`label.sd-rating__item:has(input[value="${value}"])`)
      if ((await rating.count()) > 0) {
        await choose(rating.first())
        continue
      }
      const rows = question.locator('tr.sd-table__row')
      for (let i = 0, n = await rows.count(); i < n; i++)
        await choose(rows.nth(i).locator(`label:has(input[type="radio"][value="${value}"])`))
    }
  }
}

/**
 * Answers the survey page by page (`overall` as given, all else `rest`) and submits it. After each
 * Next it waits for the next page to show, after Submit for the form to go; it fails, naming
 * the page and the errors it shows, when the survey refuses to move on.
 */
export async function answerSurvey(page: Page, overall: number, rest = 4) {
  const seen: string[] = []
  for (;;) {
    await page.locator('.sd-question[data-name]').first().waitFor({ timeout: STALL_MS })
    const here = await surveyState(page)
    if (seen.includes(here.key!))
      throw new Error(`survey came back to ${where(here)} after ${seen.join(' → ')}`)
    seen.push(here.key!)
    await answerPage(page, overall, rest)
    // The page shows Next, or Submit on the last page; wait for whichever it renders.
    await nextButton(page).or(completeButton(page)).first().waitFor({ timeout: STALL_MS })
    const last = (await nextButton(page).count()) === 0
    await (last ? completeButton(page) : nextButton(page)).first().click({ timeout: STALL_MS })
    // Moved on (another page; after Submit, no form), or a validation error says why not.
    const moved = await untilSettled(page, (now) =>
      last ? now.key === null : now.key !== null && now.key !== here.key,
    )
    if (moved === 'moved') {
      if (last) return
      continue
    }
    const now = await surveyState(page)
    throw new Error(
      moved === 'refused'
        ? `survey did not accept ${where(now)} (pages so far: ${seen.join(' → ')})`
        : `survey stayed on ${where(now)} for ${STALL_MS / 1000} s after ${last ? 'Submit' : 'Next'} (pages so far: ${seen.join(' → ')})`,
    )
  }
}

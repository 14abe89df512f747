import { Model } from 'survey-core'
import { describe, expect, test } from 'vitest'
import { lintDefinition, shippedSurveys, surveyRoles } from '../../server/surveys'
import { buildFromCatalogue, departmentChoices } from '../../server/surveys/build-from-catalogue'
import type { CatalogueItem } from '../../server/surveys/catalogue-items'
import { roleGaps, surveyProblems } from '../../server/surveys/role-gaps'
import { starterCatalogue } from '../../server/surveys/starter-catalogue'
import { attitudeItems } from '../../server/surveys/survey-roles'
import { audiences, type Audience } from '../../server/surveys/types'

const attribute = (key: string, rated: Audience[], description: string | null = null) =>
  ({
    key,
    kind: 'attribute',
    label: `Label of ${key}`,
    description,
    audiences: rated,
  }) as CatalogueItem

type Json = Record<string, any>
const questions = (definition: Json): Json[] =>
  definition.pages.flatMap((p: Json) => p.elements as Json[])
const question = (definition: Json, name: string) =>
  questions(definition).find((q) => q.name === name)
const shipped = (audience: Audience) =>
  shippedSurveys.find((s) => s.audience === audience)!.definition as Json

describe('starterCatalogue()', () => {
  test('is the union of the shipped attribute keys with who rates each, then the attitude items', () => {
    const items = starterCatalogue()
    const delivery = items.find((i) => i.key === 'delivery_reliability')!
    expect(delivery).toEqual({
      key: 'delivery_reliability',
      kind: 'attribute',
      label: 'Reliable delivery, on the date we promised',
      description: null,
      audiences: ['customer', 'wholesaler', 'retailer', 'employee'],
    })
    expect(items.find((i) => i.key === 'trade_terms')!.audiences).toEqual([
      'wholesaler',
      'retailer',
    ])
    const attitude = items.filter((i) => i.kind === 'attitude')
    expect(attitude.map((i) => i.key)).toEqual(attitudeItems(shipped('employee')).map((a) => a.key))
    expect(attitude.every((i) => i.audiences.join() === 'employee')).toBe(true)
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length)
  })
})

describe('buildFromCatalogue()', () => {
  test.each(audiences)('the %s survey passes the lint and resolves every role', (audience) => {
    const definition = buildFromCatalogue(starterCatalogue(), { audience, importance: true })
    expect(lintDefinition(definition)).toEqual([])
    expect(roleGaps(definition, audience)).toEqual([])
    expect(surveyProblems(definition, audience)).toEqual([])
    const model = new Model(definition)
    expect(
      (model.jsonErrors ?? []).map((e) => e.message).filter((m) => !/'audience'/.test(m)),
    ).toEqual([])
    expect(definition.audience).toBe(audience)
  })

  test.each(audiences)(
    'rebuilding the %s survey from the starter catalogue keeps its keys and roles',
    (audience) => {
      const before = surveyRoles(shipped(audience))
      const after = surveyRoles(buildFromCatalogue(starterCatalogue(), { audience }))
      expect(after.attributes.map((a) => [a.key, a.label])).toEqual(
        before.attributes.map((a) => [a.key, a.label]),
      )
      expect(after.attitude).toEqual(before.attitude)
      expect([after.overall, after.rebuy]).toEqual([before.overall, before.rebuy])
    },
  )

  test('uses each audience’s shipped wording: re-buy, re-order, keep stocking, the mirror', () => {
    for (const audience of audiences) {
      const built = buildFromCatalogue(starterCatalogue(), { audience }) as Json
      for (const name of ['overall', 'rebuy', 'attributes', 'comments'])
        expect(question(built, name)?.title, `${audience} ${name}`).toBe(
          question(shipped(audience), name)?.title,
        )
      expect(built.title).toBe(shipped(audience).title)
      expect(question(built, 'attributes')!.columns).toEqual(
        question(shipped(audience), 'attributes')!.columns,
      )
    }
    const employee = buildFromCatalogue(starterCatalogue(), { audience: 'employee' }) as Json
    expect(question(employee, 'attributes')!.title).toMatch(
      /^How do you think our customers rate us/,
    )
    expect(question(employee, 'attitude')).toEqual(question(shipped('employee'), 'attitude'))
    expect(question(employee, 'department')).toEqual(question(shipped('employee'), 'department'))
    expect(question(employee, 'rebuy')).toBeUndefined()
    const mirrored = buildFromCatalogue(starterCatalogue(), {
      audience: 'employee',
      importance: true,
    }) as Json
    const importancePage = mirrored.pages.find((p: Json) => p.name === 'importance_page')
    expect(importancePage.title).toBe('What matters most to our customers')
  })

  test('keys are identical across audiences by construction, so gaps line up', () => {
    const catalogue = [
      attribute('speed', ['customer', 'wholesaler', 'retailer', 'employee']),
      attribute('trade_terms', ['wholesaler', 'retailer']),
      attribute('app_quality', ['customer', 'employee']),
    ]
    const keys = (audience: Audience) =>
      surveyRoles(buildFromCatalogue(catalogue, { audience })).attributes.map((a) => a.key)
    expect(keys('customer')).toEqual(['speed', 'app_quality'])
    expect(keys('wholesaler')).toEqual(['speed', 'trade_terms'])
    expect(keys('retailer')).toEqual(['speed', 'trade_terms'])
    expect(keys('employee')).toEqual(['speed', 'app_quality'])
  })

  test('an added item appears in every audience that rates it; a dropped one disappears', () => {
    const base = starterCatalogue()
    const added = [...base, attribute('invoice_accuracy', ['customer', 'retailer', 'employee'])]
    const dropped = added.filter((i) => i.key !== 'order_accuracy')
    for (const audience of audiences) {
      const keys = surveyRoles(buildFromCatalogue(dropped, { audience, importance: true }))
      expect(keys.attributes.some((a) => a.key === 'invoice_accuracy')).toBe(
        audience !== 'wholesaler',
      )
      expect(keys.importance.includes('invoice_accuracy')).toBe(audience !== 'wholesaler')
      expect(keys.attributes.some((a) => a.key === 'order_accuracy')).toBe(false)
    }
  })

  test('importance rows mirror the attribute rows; descriptions are listed above the matrix', () => {
    const catalogue = [
      attribute('speed', ['customer'], 'From order to <door>'),
      attribute('price_value', ['customer']),
    ]
    const built = buildFromCatalogue(catalogue, { audience: 'customer', importance: true }) as Json
    expect(question(built, 'importance')!.rows).toEqual(question(built, 'attributes')!.rows)
    expect(question(built, 'attributes_notes')).toEqual({
      type: 'html',
      name: 'attributes_notes',
      html: '<p>What we mean by:</p><ul><li><strong>Label of speed</strong>: From order to &lt;door&gt;</li></ul>',
    })
    const plain = buildFromCatalogue([attribute('speed', ['customer'])], { audience: 'customer' })
    expect(question(plain, 'attributes_notes')).toBeUndefined()
    expect(question(plain, 'importance')).toBeUndefined()
  })

  test('departments: the given areas with "Prefer not to say"; segments kept on the last page', () => {
    const employee = buildFromCatalogue(starterCatalogue(), {
      audience: 'employee',
      departments: departmentChoices(['Field sales', 'Qualität']),
    }) as Json
    expect(question(employee, 'department')!.choices).toEqual([
      { value: 'field_sales', text: 'Field sales' },
      { value: 'qualitat', text: 'Qualität' },
      { value: 'prefer_not_to_say', text: 'Prefer not to say' },
    ])
    expect(surveyRoles(employee).segments[0]).toBe('department')
    const region = question(shipped('customer'), 'region')!
    const customer = buildFromCatalogue(starterCatalogue(), {
      audience: 'customer',
      segments: [region],
    })
    expect(surveyRoles(customer).segments).toEqual(['region'])
  })

  test('a catalogue the audience rates nothing of is reported, not hidden', () => {
    const built = buildFromCatalogue([attribute('trade_terms', ['wholesaler'])], {
      audience: 'customer',
    })
    expect(roleGaps(built, 'customer')).toEqual([expect.stringMatching(/^attributes: /)])
  })
})

import type { CatalogueWording } from './en'

// Formal register ("Sie"), as in the shipped German messages.
const blank =
  'Wenn ein Punkt für Sie nicht zutrifft oder Sie damit keine Erfahrung haben, lassen Sie die Zeile einfach leer.'
const partner = (who: string) =>
  `Als ${who} erleben Sie unseren Service aus nächster Nähe. Bitte nehmen Sie sich ein paar Minuten Zeit und sagen Sie uns, wie gut wir Ihr Geschäft unterstützen – Ihre Antworten helfen uns zu entscheiden, was wir zuerst verbessern.`
const common = {
  overall: 'Wie zufrieden sind Sie insgesamt mit uns als Lieferant?',
  attributes: 'Wie zufrieden sind Sie mit den folgenden Punkten?',
  attributesNote: blank,
  attributesPageNote: null,
  importance: 'Wie wichtig sind Ihnen diese Punkte bei der Wahl eines Lieferanten?',
  importancePage: 'Was Ihnen am wichtigsten ist',
}
const trade = {
  ...common,
  lowScoreNote: 'Optional – Ihre Antwort geht direkt an Ihre Ansprechperson in unserem Haus.',
  attributesPage: 'Unsere Produkte und unser Lieferservice',
  comments: 'Was könnten wir vor allem tun, um Ihr Geschäft besser zu unterstützen?',
}

export const de: CatalogueWording = {
  // A soft hyphen (\u00ad) in a long end word: on a phone each end label is a fifth of the
  // row wide, so the word would spill past the card's edge.
  scales: {
    satisfaction: [
      '1 – Sehr unzu\u00adfrieden',
      '2 – Unzufrieden',
      '3 – Weder zufrieden noch unzufrieden',
      '4 – Zufrieden',
      '5 – Sehr zufrieden',
    ],
    importance: [
      '1 – Überhaupt nicht wichtig',
      '2 – Wenig wichtig',
      '3 – Mäßig wichtig',
      '4 – Sehr wichtig',
      '5 – Äußerst wichtig',
    ],
    agreement: [
      '1 – Stimme überhaupt nicht zu',
      '2 – Stimme nicht zu',
      '3 – Teils, teils',
      '4 – Stimme zu',
      '5 – Stimme voll und ganz zu',
    ],
  },
  ends: {
    dissatisfied: 'Äußerst unzufrieden',
    satisfied: 'Äußerst zufrieden',
    // A soft hyphen: the rating's end labels are half a phone wide, too narrow for the word.
    unlikely: 'Sehr unwahr\u00adscheinlich',
    likely: 'Sehr wahrscheinlich',
  },
  overallPage: 'Ihr Gesamteindruck',
  lowScore:
    'Das tut uns leid. Was ist schiefgelaufen, und was können wir tun, um es wiedergutzumachen?',
  importanceNote: 'Optional. Lassen Sie eine Zeile leer, wenn Sie dazu keine Meinung haben.',
  finalPage: 'Sonst noch etwas?',
  completeText: 'Absenden',
  thankYou:
    '<h3>Vielen Dank!</h3><p>Ihre Antworten sind bei uns eingegangen. Wir lesen jede Rückmeldung, und Ihr Feedback hilft uns zu entscheiden, was wir zuerst verbessern.</p>',
  audiences: {
    customer: {
      ...common,
      title: 'Umfrage zur Kundenzufriedenheit',
      description:
        'Vielen Dank, dass Sie sich ein paar Minuten Zeit nehmen, um uns von Ihren Erfahrungen mit uns zu berichten. Ihre offenen Antworten helfen uns, unsere Produkte und unseren Service für Sie zu verbessern.',
      rebuy: 'Wie wahrscheinlich ist es, dass Sie wieder bei uns kaufen?',
      lowScoreNote: 'Optional – Ihre Antwort geht direkt an das zuständige Team.',
      attributesPage: 'Unsere Leistung',
      comments: 'Möchten Sie uns sonst noch etwas mitteilen?',
    },
    wholesaler: {
      ...trade,
      title: 'Umfrage für unsere Großhandelspartner',
      description: partner('Großhandelspartner'),
      rebuy:
        'Wie wahrscheinlich ist es, dass Sie in den nächsten 12 Monaten weiterhin bei uns bestellen?',
    },
    retailer: {
      ...trade,
      title: 'Umfrage für unsere Einzelhandelspartner',
      description: partner('Einzelhandelspartner'),
      rebuy:
        'Wie wahrscheinlich ist es, dass Sie unsere Produkte in den nächsten 12 Monaten weiterhin führen?',
    },
    employee: {
      title: 'Mitarbeiterbefragung: Wie wir für unsere Kunden da sind',
      description:
        'Diese Umfrage ist anonym. Wir fragen weder nach Ihrem Namen noch nach Ihrer E-Mail-Adresse, Ihre Antworten werden nie mit Ihrer Person verknüpft, und Ergebnisse werden nur für Gruppen von mindestens fünf Personen ausgewiesen. Die Beantwortung dauert etwa drei Minuten.',
      overall: 'Was meinen Sie: Wie zufrieden sind unsere Kunden insgesamt mit uns?',
      rebuy: null,
      lowScoreNote: null,
      attributesPage: 'Wie sehen unsere Kunden uns, was meinen Sie?',
      attributesPageNote:
        'Versetzen Sie sich in die Lage unserer Kunden. Wir vergleichen die Antworten mit dem, was uns die Kunden selbst sagen.',
      attributes: 'Wie bewerten unsere Kunden uns Ihrer Meinung nach in den folgenden Punkten?',
      attributesNote:
        'Wenn Sie zu einem Punkt keine Einschätzung haben, lassen Sie die Zeile einfach leer.',
      importance: 'Wie wichtig sind diese Punkte Ihrer Meinung nach für unsere Kunden?',
      importancePage: 'Was unseren Kunden am wichtigsten ist',
      comments:
        'Was könnten wir ändern, um unseren Kunden besser gerecht zu werden? Bitte nennen Sie keine Namen oder Einzelheiten, durch die Sie oder Ihre Kolleginnen und Kollegen erkennbar wären.',
    },
  },
  employee: {
    attitudePage: 'Arbeiten bei uns',
    attitude: 'Inwieweit stimmen Sie den folgenden Aussagen zu?',
    attitudeNote: 'Lassen Sie eine Zeile leer, wenn Sie lieber nicht antworten möchten.',
    department: 'In welchem Bereich arbeiten Sie?',
    departmentNote:
      'Dient nur dazu, Ergebnisse zu gruppieren; Gruppen mit weniger als fünf Personen werden nie gezeigt.',
  },
  departments: {
    sales: 'Vertrieb und Kundenbetreuung',
    customer_service: 'Kundenservice',
    technical_support: 'Technischer Support',
    operations: 'Betrieb, Lager und Logistik',
    production: 'Produktion',
    office: 'Finanzen, Personal und Verwaltung',
    management: 'Geschäftsleitung',
    prefer_not_to_say: 'Keine Angabe',
  },
}

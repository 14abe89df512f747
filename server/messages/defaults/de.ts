import type { LanguagePack } from './language-pack'
import { template } from './language-pack'

// Formal register throughout ("Sie"); after "Guten Tag …," the letter goes on in lower case.
const common = {
  greeting: 'Guten Tag {name},',
  greetingNoName: 'Guten Tag,',
  timing: 'Die Beantwortung dauert etwa {minutes} Minuten.',
  deadline: 'Bitte antworten Sie bis {closeDate}.',
  signoff: 'Vielen Dank für Ihre Zeit.',
}
const invitation = {
  ...common,
  preheader: 'Ihre Meinung ist uns wichtig.',
  button: 'Umfrage starten',
}
const reminder = {
  ...common,
  preheader: 'Sie können noch teilnehmen.',
  heading: 'Ihre Meinung interessiert uns weiterhin',
  button: 'Zur Umfrage',
}
const notYet =
  'Wir haben noch keine Antwort von Ihnen erhalten, und Sie können weiterhin teilnehmen. ' +
  'Falls Sie bereits geantwortet haben, danken wir Ihnen herzlich; betrachten Sie diese ' +
  'E-Mail dann bitte als gegenstandslos.'
const aspects = 'mit Lieferung, Liefergenauigkeit, Konditionen und Betreuung'

const trade = (partner: 'Großhandelspartner' | 'Einzelhandelspartner') => ({
  invitation: template({
    ...invitation,
    subject:
      'Wie zufrieden sind Sie mit unserem Lieferservice? Eine kurze Umfrage von {organisation}',
    heading: 'Wie zufrieden sind Sie mit unserem Lieferservice?',
    body:
      `vielen Dank für die gute Zusammenarbeit. Als ${partner} von {organisation} erleben Sie ` +
      `unseren Lieferservice aus nächster Nähe. Wir möchten gern wissen, wie zufrieden Sie ` +
      `damit sind: ${aspects}.`,
    why: `Sie erhalten diese E-Mail, weil Ihr Unternehmen ${partner} von {organisation} ist.`,
  }),
  reminder: template({
    ...reminder,
    subject: 'Erinnerung: Ihre Meinung zum Lieferservice von {organisation}',
    body: `vor Kurzem haben wir Sie gefragt, wie zufrieden Sie mit dem Lieferservice von {organisation} sind: ${aspects}.\n\n${notYet}`,
    why: `Sie erhalten diese E-Mail, weil Ihr Unternehmen ${partner} von {organisation} ist.`,
  }),
  acknowledgement: template({
    subject: 'Danke für Ihre Rückmeldung zu unserem Lieferservice',
    greeting: 'Guten Tag {name},',
    greetingNoName: 'Guten Tag,',
    body: 'vielen Dank für Ihre Bewertung unseres Lieferservice. Wo wir Sie enttäuscht haben, meldet sich Ihre Ansprechperson in unserem Haus in Kürze bei Ihnen, um gemeinsam festzulegen, was wir ändern.\n\nMit freundlichen Grüßen\n{organisation}',
  }),
  // No owner to promise: thanks, and nothing anyone would have to keep.
  thanks: template({
    subject: 'Danke für Ihre Rückmeldung zu unserem Lieferservice',
    greeting: 'Guten Tag {name},',
    greetingNoName: 'Guten Tag,',
    body: 'vielen Dank für Ihre Bewertung unseres Lieferservice. Wo wir Sie enttäuscht haben, gehen Ihre Antworten an die Menschen, die entscheiden, was wir ändern.\n\nMit freundlichen Grüßen\n{organisation}',
  }),
  alert,
})

const alert = template({
  subject: 'Bitte nachfassen: {contact} ({wave})',
  body: '{contact} hat in {wave} eine niedrige Bewertung abgegeben. Bitte nehmen Sie Kontakt auf und halten Sie fest, was Sie unternommen haben.',
  button: 'Nachverfolgung öffnen',
})

// Once a day, all of an owner's new alerts in one email (the programme's or the owner's choice).
const digest = template({
  subject: 'Ihre Nachverfolgungen ({date}): {count} neu',
  body: 'Seit Ihrer letzten Übersicht haben diese Personen eine niedrige Bewertung abgegeben. Bitte nehmen Sie mit jeder von ihnen Kontakt auf und halten Sie fest, was Sie unternommen haben.',
  button: 'Ihre Nachverfolgungen öffnen',
})

export const de: LanguagePack = {
  chrome: {
    anonymous: 'Ihre Antworten sind anonym.',
    anonymityPromise:
      'Sie werden nie mit Ihrem Namen oder Ihrer E-Mail-Adresse verknüpft, und Ergebnisse ' +
      'werden nur für Gruppen von mindestens fünf Personen ausgewiesen.',
    anonymousShort: 'Anonym.',
    linkFallback:
      'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
    surveyLabel: 'Umfrage:',
    unsubscribeText: 'Wenn Sie diese E-Mails nicht mehr erhalten möchten, melden Sie sich hier ab:',
    unsubscribeHtml: 'Sie möchten diese E-Mails nicht mehr erhalten?',
    unsubscribe: 'Abmelden',
    respondent: 'Eine befragte Person',
    colon: ':',
    reasons: {
      comment: 'Hat einen Kommentar hinterlassen',
      overall: 'Gesamtzufriedenheit',
      rebuy: 'Wiederkaufabsicht',
      score: '{label}: {value} von 5',
    },
  },
  templates: {
    customer: {
      invitation: template({
        ...invitation,
        subject: 'Wie zufrieden sind Sie mit uns? Eine kurze Umfrage von {organisation}',
        heading: 'Wie zufrieden sind Sie mit uns?',
        body:
          'wir möchten gern wissen, wie zufrieden Sie mit den Produkten und dem Service von ' +
          '{organisation} sind. Ihre Antworten zeigen uns, was wir gut machen und wo wir ' +
          'besser werden sollten.',
        why: 'Sie erhalten diese E-Mail, weil Sie Kundin oder Kunde von {organisation} sind.',
      }),
      reminder: template({
        ...reminder,
        subject: 'Erinnerung: Ihre Meinung zum Service von {organisation}',
        body: `vor Kurzem haben wir Sie gefragt, wie zufrieden Sie mit den Produkten und dem Service von {organisation} sind.\n\n${notYet}`,
        why: 'Sie erhalten diese E-Mail, weil Sie Kundin oder Kunde von {organisation} sind.',
      }),
      acknowledgement: template({
        subject: 'Danke für Ihre Rückmeldung: Wir kümmern uns darum',
        greeting: 'Guten Tag {name},',
        greetingNoName: 'Guten Tag,',
        body: 'vielen Dank, dass Sie an unserer Umfrage teilgenommen haben. Sie haben uns mitgeteilt, dass wir Ihren Erwartungen nicht gerecht geworden sind, und das nehmen wir ernst: Jemand aus unserem Team meldet sich in Kürze bei Ihnen, um die Sache in Ordnung zu bringen.\n\nMit freundlichen Grüßen\n{organisation}',
      }),
      thanks: template({
        subject: 'Danke für Ihre Rückmeldung',
        greeting: 'Guten Tag {name},',
        greetingNoName: 'Guten Tag,',
        body: 'vielen Dank, dass Sie an unserer Umfrage teilgenommen haben. Sie haben uns gesagt, wo wir Ihren Erwartungen nicht gerecht geworden sind, und genau das müssen wir wissen: Ihre Antworten gehen an die Menschen, die entscheiden, was wir verbessern.\n\nMit freundlichen Grüßen\n{organisation}',
      }),
      alert,
      digest,
    },
    wholesaler: trade('Großhandelspartner'),
    retailer: trade('Einzelhandelspartner'),
    employee: {
      invitation: template({
        ...invitation,
        subject: 'Wie sehen uns unsere Kunden? Eine anonyme Mitarbeiterumfrage ({minutes} Minuten)',
        heading: 'Wie sehen uns unsere Kunden?',
        body:
          'wir fragen alle Mitarbeitenden von {organisation}, wie unsere Kunden das Unternehmen ' +
          'ihrer Einschätzung nach bewerten: unsere Produkte, unseren Service, die Lieferung ' +
          'und die Betreuung. Der Vergleich Ihrer Sicht mit dem, was Kunden uns sagen, zeigt, ' +
          'wo wir uns anders sehen als sie.',
        why: 'Sie erhalten diese E-Mail, weil Sie bei {organisation} arbeiten.',
      }),
      reminder: template({
        ...reminder,
        subject: 'Erinnerung: die anonyme Mitarbeiterumfrage dazu, wie Kunden uns sehen',
        body: `vor Kurzem haben wir Sie zu unserer Mitarbeiterumfrage eingeladen: Wie bewerten Kunden {organisation} Ihrer Einschätzung nach?\n\n${notYet}`,
        why: 'Sie erhalten diese E-Mail, weil Sie bei {organisation} arbeiten.',
      }),
    },
  },
}

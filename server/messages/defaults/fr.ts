import type { LanguagePack } from './language-pack'
import { template } from './language-pack'

// Formal register ("vous"), wording that needs no gender agreement, and no "de {organisation}"
// (an organisation starting with a vowel would need "d’"). French puts a no-break space before
// ":", "?" and "!".
const common = {
  greeting: 'Bonjour {name},',
  greetingNoName: 'Bonjour,',
  timing: 'Cela prend environ {minutes} minutes.',
  deadline: 'Merci de répondre d’ici le {closeDate}.',
  signoff: 'Merci pour le temps que vous nous accordez.',
}
const invitation = {
  ...common,
  preheader: 'Votre avis nous est précieux.',
  button: 'Commencer l’enquête',
}
const reminder = {
  ...common,
  preheader: 'Il n’est pas trop tard pour donner votre avis.',
  heading: 'Votre avis nous intéresse toujours',
  button: 'Répondre à l’enquête',
}
const notYet =
  'Nous n’avons pas encore reçu votre réponse, et il n’est pas trop tard pour participer. ' +
  'Si vous avez déjà répondu, nous vous en remercions et vous prions de ne pas tenir compte ' +
  'de cet e-mail.'
const aspects = 'livraison, exactitude des commandes, conditions commerciales et accompagnement'

const trade = (partner: 'grossiste' | 'détaillant') => ({
  invitation: template({
    ...invitation,
    subject: '{organisation} souhaite connaître votre avis sur son service d’approvisionnement',
    heading: 'Que pensez-vous de notre service d’approvisionnement\u00a0?',
    body:
      `En tant que partenaire ${partner}, vous voyez notre service d’approvisionnement de près. ` +
      `Nous aimerions savoir dans quelle mesure il vous donne satisfaction\u00a0: ${aspects}.`,
    why: `Vous recevez cet e-mail parce que votre entreprise travaille avec {organisation} en tant que partenaire ${partner}.`,
  }),
  reminder: template({
    ...reminder,
    subject: 'Rappel\u00a0: votre avis sur notre service d’approvisionnement',
    body: `Nous vous avons récemment demandé dans quelle mesure notre service d’approvisionnement vous donne satisfaction\u00a0: ${aspects}.\n\n${notYet}`,
    why: `Vous recevez cet e-mail parce que votre entreprise travaille avec {organisation} en tant que partenaire ${partner}.`,
  }),
  acknowledgement: template({
    subject: 'Merci pour votre avis sur notre service d’approvisionnement',
    greeting: 'Bonjour {name},',
    greetingNoName: 'Bonjour,',
    body: 'Merci d’avoir évalué notre service d’approvisionnement. Là où nous n’avons pas été à la hauteur, votre interlocuteur commercial prendra contact avec vous très prochainement pour convenir ensemble des changements à apporter.\n\nAvec nos remerciements,\n{organisation}',
  }),
  // No owner to promise: thanks, and nothing anyone would have to keep.
  thanks: template({
    subject: 'Merci pour votre avis sur notre service d’approvisionnement',
    greeting: 'Bonjour {name},',
    greetingNoName: 'Bonjour,',
    body: 'Merci d’avoir évalué notre service d’approvisionnement. Là où nous n’avons pas été à la hauteur, vos réponses sont transmises aux personnes qui décident des changements à apporter.\n\nAvec nos remerciements,\n{organisation}',
  }),
  alert,
})

const alert = template({
  subject: 'À suivre\u00a0: {contact} ({wave})',
  body: '{contact} a donné une note basse dans l’enquête {wave}. Merci de reprendre contact et de consigner ce que vous avez fait.',
  button: 'Ouvrir le suivi',
})

// Once a day, all of an owner's new alerts in one email (the programme's or the owner's choice).
const digest = template({
  subject: 'Vos suivis du {date}\u00a0: {count} à traiter',
  body: 'Depuis votre dernier récapitulatif, ces personnes ont donné une note basse. Merci de reprendre contact avec chacune d’elles et de consigner ce que vous avez fait.',
  button: 'Ouvrir vos suivis',
})

export const fr: LanguagePack = {
  chrome: {
    anonymous: 'Vos réponses sont anonymes.',
    anonymityPromise:
      'Elles ne sont jamais associées à votre nom ni à votre adresse e-mail, et les résultats ' +
      'ne sont présentés que pour des groupes d’au moins cinq personnes.',
    anonymousShort: 'Anonyme.',
    linkFallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur\u00a0:',
    surveyLabel: 'Enquête\u00a0:',
    unsubscribeText: 'Pour ne plus recevoir ces e-mails, désabonnez-vous ici\u00a0:',
    unsubscribeHtml: 'Vous ne souhaitez plus recevoir ces e-mails\u00a0?',
    unsubscribe: 'Se désabonner',
    respondent: 'Une personne interrogée',
    colon: '\u00a0:',
    reasons: {
      comment: 'A laissé un commentaire',
      overall: 'Satisfaction globale',
      rebuy: 'Intention de racheter',
      score: '{label}\u00a0: {value} sur 5',
    },
  },
  templates: {
    customer: {
      invitation: template({
        ...invitation,
        subject: '{organisation} aimerait connaître votre avis (enquête de {minutes} minutes)',
        heading: 'Comment évaluez-vous nos services\u00a0?',
        body:
          'Nous aimerions connaître votre degré de satisfaction à l’égard des produits et des ' +
          'services proposés par {organisation}. Vos réponses nous montrent ce que nous faisons ' +
          'bien et ce que nous devons améliorer.',
        why: 'Vous recevez cet e-mail parce que vous faites partie de la clientèle de {organisation}.',
      }),
      reminder: template({
        ...reminder,
        subject: 'Rappel\u00a0: votre avis sur les services proposés par {organisation}',
        body: `Nous vous avons récemment demandé votre degré de satisfaction à l’égard des produits et des services proposés par {organisation}.\n\n${notYet}`,
        why: 'Vous recevez cet e-mail parce que vous faites partie de la clientèle de {organisation}.',
      }),
      acknowledgement: template({
        subject: 'Merci pour votre retour\u00a0: nous nous en occupons',
        greeting: 'Bonjour {name},',
        greetingNoName: 'Bonjour,',
        body: 'Merci d’avoir répondu à notre enquête. Vous nous avez indiqué que nous n’avons pas été à la hauteur, et nous prenons cela très au sérieux\u00a0: une personne de notre équipe vous contactera prochainement pour y remédier.\n\nAvec nos remerciements,\n{organisation}',
      }),
      thanks: template({
        subject: 'Merci pour votre retour',
        greeting: 'Bonjour {name},',
        greetingNoName: 'Bonjour,',
        body: 'Merci d’avoir répondu à notre enquête. Vous nous avez indiqué où nous n’avons pas été à la hauteur, et c’est précisément ce que nous avons besoin de savoir\u00a0: vos réponses sont transmises aux personnes qui décident de nos améliorations.\n\nAvec nos remerciements,\n{organisation}',
      }),
      alert,
      digest,
    },
    wholesaler: trade('grossiste'),
    retailer: trade('détaillant'),
    employee: {
      invitation: template({
        ...invitation,
        subject:
          'Comment nos clients nous voient-ils\u00a0? Enquête anonyme auprès du personnel ({minutes} minutes)',
        heading: 'Comment nos clients nous voient-ils\u00a0?',
        body:
          'Nous demandons à toutes les personnes qui travaillent chez {organisation} comment, ' +
          'selon elles, nos clients évaluent l’entreprise\u00a0: nos produits, notre service, nos ' +
          'livraisons et notre accompagnement. Comparer votre point de vue avec ce que nous ' +
          'disent les clients montre où notre regard diffère du leur.',
        why: 'Vous recevez cet e-mail parce que vous travaillez chez {organisation}.',
      }),
      reminder: template({
        ...reminder,
        subject: 'Rappel\u00a0: l’enquête anonyme sur la façon dont nos clients nous voient',
        body: `Nous vous avons récemment proposé de participer à notre enquête auprès du personnel\u00a0: selon vous, comment les clients évaluent-ils {organisation}\u00a0?\n\n${notYet}`,
        why: 'Vous recevez cet e-mail parce que vous travaillez chez {organisation}.',
      }),
    },
  },
}

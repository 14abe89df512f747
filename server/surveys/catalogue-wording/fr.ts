import type { CatalogueWording } from './en'

// Formal register ("vous"), wording that needs no gender agreement (the scales rate the item:
// "satisfaisant", not "satisfait·e"), and a no-break space before ":", "?" and "!".
const blank =
  'Si un point ne vous concerne pas ou si vous n’en avez pas l’expérience, laissez simplement la ligne vide.'
const partner = (who: string) =>
  `En tant que partenaire ${who}, vous voyez notre service de près. Merci de prendre quelques minutes pour nous dire dans quelle mesure nous soutenons votre activité – vos réponses nous aident à décider de nos priorités d’amélioration.`
const common = {
  overall:
    'Dans l’ensemble, quel est votre niveau de satisfaction à notre égard en tant que fournisseur\u00a0?',
  attributes: 'Quel est votre niveau de satisfaction pour chacun des points suivants\u00a0?',
  attributesNote: blank,
  attributesPageNote: null,
  importance:
    'Quelle importance accordez-vous à chacun de ces points dans le choix d’un fournisseur\u00a0?',
  importancePage: 'Ce qui compte le plus pour vous',
}
const trade = {
  ...common,
  lowScoreNote:
    'Facultatif – votre réponse est transmise directement à votre interlocuteur commercial.',
  attributesPage: 'Nos produits et notre service d’approvisionnement',
  comments: 'Que pourrions-nous faire en priorité pour mieux servir votre entreprise\u00a0?',
}

export const fr: CatalogueWording = {
  // A soft hyphen (\u00ad) in a long end word: on a phone each end label is a fifth of the
  // row wide, so the word would spill past the card's edge.
  scales: {
    satisfaction: [
      '1 – Très insatis\u00adfaisant',
      '2 – Insatisfaisant',
      '3 – Ni satisfaisant ni insatisfaisant',
      '4 – Satisfaisant',
      '5 – Très satisfaisant',
    ],
    importance: [
      '1 – Pas du tout important',
      '2 – Peu important',
      '3 – Moyennement important',
      '4 – Très important',
      '5 – Extrêmement important',
    ],
    agreement: [
      '1 – Pas du tout d’accord',
      '2 – Plutôt pas d’accord',
      '3 – Ni d’accord ni pas d’accord',
      '4 – Plutôt d’accord',
      '5 – Tout à fait d’accord',
    ],
  },
  ends: {
    dissatisfied: 'Pas du tout satisfaisant',
    satisfied: 'Tout à fait satisfaisant',
    unlikely: 'Très peu probable',
    likely: 'Très probable',
  },
  overallPage: 'Votre avis d’ensemble',
  lowScore:
    'Nous en sommes désolés. Qu’est-ce qui n’a pas fonctionné, et que pourrions-nous faire pour y remédier\u00a0?',
  importanceNote: 'Facultatif. Laissez une ligne vide si vous n’avez pas d’avis.',
  finalPage: 'Autre chose\u00a0?',
  completeText: 'Envoyer',
  thankYou:
    '<h3>Merci\u00a0!</h3><p>Vos réponses ont bien été reçues. Nous lisons chaque réponse, et votre avis nous aide à décider de nos priorités d’amélioration.</p>',
  audiences: {
    customer: {
      ...common,
      title: 'Enquête de satisfaction client',
      description:
        'Merci de prendre quelques minutes pour nous faire part de votre expérience avec nous. Vos réponses sincères nous aident à améliorer les produits et le service que nous vous proposons.',
      rebuy: 'Quelle est la probabilité que vous achetiez de nouveau chez nous\u00a0?',
      lowScoreNote: 'Facultatif – votre réponse est transmise directement à l’équipe concernée.',
      attributesPage: 'Nos prestations',
      comments: 'Souhaitez-vous nous dire autre chose\u00a0?',
    },
    wholesaler: {
      ...trade,
      title: 'Enquête auprès de nos partenaires grossistes',
      description: partner('grossiste'),
      rebuy:
        'Quelle est la probabilité que vous continuiez à nous passer commande au cours des 12 prochains mois\u00a0?',
    },
    retailer: {
      ...trade,
      title: 'Enquête auprès de nos partenaires détaillants',
      description: partner('détaillant'),
      rebuy:
        'Quelle est la probabilité que vous continuiez à proposer nos produits au cours des 12 prochains mois\u00a0?',
    },
    employee: {
      title: 'Enquête interne\u00a0: notre service aux clients',
      description:
        'Cette enquête est anonyme. Nous ne vous demandons ni votre nom ni votre adresse e-mail, vos réponses ne sont jamais associées à votre personne et les résultats ne sont présentés que pour des groupes d’au moins cinq personnes. Cela prend environ trois minutes.',
      overall:
        'Selon vous, dans l’ensemble, quel est le niveau de satisfaction de nos clients à notre égard\u00a0?',
      rebuy: null,
      lowScoreNote: null,
      attributesPage: 'Comment nos clients nous perçoivent-ils, selon vous\u00a0?',
      attributesPageNote:
        'Mettez-vous à la place de nos clients. Nous comparerons les réponses avec ce que les clients nous disent eux-mêmes.',
      attributes:
        'Selon vous, comment nos clients nous évaluent-ils sur chacun des points suivants\u00a0?',
      attributesNote: 'Si vous n’avez pas d’avis sur un point, laissez simplement la ligne vide.',
      importance:
        'Selon vous, quelle importance nos clients accordent-ils à chacun de ces points\u00a0?',
      importancePage: 'Ce qui compte le plus pour nos clients',
      comments:
        'Que pourrions-nous changer pour mieux servir nos clients\u00a0? Merci de ne mentionner aucun nom ni détail permettant de vous identifier, vous ou vos collègues.',
    },
  },
  employee: {
    attitudePage: 'Travailler chez nous',
    attitude: 'Dans quelle mesure êtes-vous d’accord avec chacune de ces affirmations\u00a0?',
    attitudeNote: 'Laissez une ligne vide si vous préférez ne pas répondre.',
    department: 'Dans quel service travaillez-vous\u00a0?',
    departmentNote:
      'Sert uniquement à regrouper les résultats\u00a0; les groupes de moins de cinq personnes ne sont jamais affichés.',
  },
  departments: {
    sales: 'Ventes et gestion des comptes clients',
    customer_service: 'Service client',
    technical_support: 'Support technique',
    operations: 'Exploitation, entrepôt et logistique',
    production: 'Production',
    office: 'Finance, RH et administration',
    management: 'Direction',
    prefer_not_to_say: 'Je préfère ne pas répondre',
  },
}

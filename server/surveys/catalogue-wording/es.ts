import type { CatalogueWording } from './en'

// Formal register ("usted"); the scales rate the item ("satisfactorio"), so no word needs a
// gender ending.
const blank =
  'Si algún aspecto no le afecta o no tiene experiencia con él, deje esa fila en blanco.'
const partner = (who: string) =>
  `Como socio ${who}, usted conoce de cerca nuestro servicio. Le rogamos que dedique unos minutos a contarnos en qué medida apoyamos su negocio: sus respuestas nos ayudan a decidir qué mejorar primero.`
const common = {
  overall: 'En general, ¿cuál es su grado de satisfacción con nosotros como proveedor?',
  attributes: '¿Cómo valora cada uno de los siguientes aspectos?',
  attributesNote: blank,
  attributesPageNote: null,
  importance:
    '¿Qué importancia tiene para usted cada uno de estos aspectos al elegir un proveedor?',
  importancePage: 'Lo que más le importa',
}
const trade = {
  ...common,
  lowScoreNote: 'Opcional: su respuesta llega directamente a su gestor comercial.',
  attributesPage: 'Nuestros productos y nuestro servicio de suministro',
  comments: '¿Qué es lo principal que podríamos hacer para atender mejor a su negocio?',
}

export const es: CatalogueWording = {
  // A soft hyphen (\u00ad) in a long end word: on a phone each end label is a fifth of the
  // row wide, so the word would spill past the card's edge.
  scales: {
    satisfaction: [
      '1 – Muy insatis\u00adfactorio',
      '2 – Insatisfactorio',
      '3 – Ni satisfactorio ni insatisfactorio',
      '4 – Satisfactorio',
      '5 – Muy satisfactorio',
    ],
    importance: [
      '1 – Nada importante',
      '2 – Poco importante',
      '3 – Moderadamente importante',
      '4 – Muy importante',
      '5 – Extrema\u00addamente importante',
    ],
    agreement: [
      '1 – Total\u00admente en desa\u00adcuerdo',
      '2 – En desacuerdo',
      '3 – Ni de acuerdo ni en desacuerdo',
      '4 – De acuerdo',
      '5 – Totalmente de acuerdo',
    ],
  },
  ends: {
    dissatisfied: 'Nada satisfactorio',
    satisfied: 'Totalmente satisfactorio',
    unlikely: 'Muy poco probable',
    likely: 'Muy probable',
  },
  overallPage: 'Su opinión general',
  lowScore: 'Lamentamos oírlo. ¿Qué ha fallado y qué podríamos hacer para solucionarlo?',
  importanceNote: 'Opcional. Deje una fila en blanco si no tiene opinión al respecto.',
  finalPage: '¿Algo más?',
  completeText: 'Enviar',
  thankYou:
    '<h3>¡Muchas gracias!</h3><p>Hemos recibido sus respuestas. Leemos todas y cada una, y su opinión nos ayuda a decidir qué mejorar primero.</p>',
  audiences: {
    customer: {
      ...common,
      title: 'Encuesta de satisfacción de clientes',
      description:
        'Gracias por dedicar unos minutos a contarnos su experiencia con nosotros. Sus respuestas sinceras nos ayudan a mejorar los productos y el servicio que le ofrecemos.',
      rebuy: '¿Qué probabilidad hay de que vuelva a comprarnos?',
      lowScoreNote: 'Opcional: su respuesta llega directamente al equipo responsable.',
      attributesPage: 'Nuestro desempeño',
      comments: '¿Hay algo más que quiera decirnos?',
    },
    wholesaler: {
      ...trade,
      title: 'Encuesta a nuestros socios mayoristas',
      description: partner('mayorista'),
      rebuy: '¿Qué probabilidad hay de que siga haciéndonos pedidos en los próximos 12 meses?',
    },
    retailer: {
      ...trade,
      title: 'Encuesta a nuestros socios minoristas',
      description: partner('minorista'),
      rebuy:
        '¿Qué probabilidad hay de que siga ofreciendo nuestros productos en los próximos 12 meses?',
    },
    employee: {
      title: 'Encuesta al personal: cómo atendemos a nuestros clientes',
      description:
        'Esta encuesta es anónima. No le pedimos su nombre ni su dirección de correo electrónico, sus respuestas nunca se vinculan con usted y los resultados solo se muestran para grupos de al menos cinco personas. Le llevará unos tres minutos.',
      overall:
        'En su opinión, ¿cuál es el grado de satisfacción general de nuestros clientes con nosotros?',
      rebuy: null,
      lowScoreNote: null,
      attributesPage: '¿Cómo cree que nos ven nuestros clientes?',
      attributesPageNote:
        'Póngase en el lugar de nuestros clientes. Compararemos las respuestas con lo que nos dicen los propios clientes.',
      attributes:
        '¿Cómo cree que nos valoran nuestros clientes en cada uno de los siguientes aspectos?',
      attributesNote: 'Si no tiene opinión sobre algún aspecto, deje esa fila en blanco.',
      importance:
        '¿Qué importancia cree que tiene cada uno de estos aspectos para nuestros clientes?',
      importancePage: 'Lo que más importa a nuestros clientes',
      comments:
        '¿Qué podríamos cambiar para atender mejor a nuestros clientes? Le rogamos que no incluya nombres ni datos que permitan identificarle a usted o a sus compañeros.',
    },
  },
  employee: {
    attitudePage: 'Trabajar con nosotros',
    attitude: '¿En qué medida está de acuerdo con cada una de estas afirmaciones?',
    attitudeNote: 'Deje una fila en blanco si prefiere no responder.',
    department: '¿En qué área trabaja?',
    departmentNote:
      'Solo se usa para agrupar los resultados; nunca se muestran grupos de menos de cinco personas.',
  },
  departments: {
    sales: 'Ventas y gestión de cuentas',
    customer_service: 'Atención al cliente',
    technical_support: 'Soporte técnico',
    operations: 'Operaciones, almacén y logística',
    production: 'Producción',
    office: 'Finanzas, RR. HH. y administración',
    management: 'Dirección',
    prefer_not_to_say: 'Prefiero no decirlo',
  },
}

import type { LanguagePack } from './language-pack'
import { template } from './language-pack'

// Formal register ("usted"); a Spanish letter's greeting ends with a colon.
const common = {
  greeting: 'Estimado/a {name}:',
  greetingNoName: 'Buenos días:',
  timing: 'Le llevará unos {minutes} minutos.',
  deadline: 'Le rogamos que responda antes del {closeDate}.',
  signoff: 'Muchas gracias por su tiempo.',
}
const invitation = {
  ...common,
  preheader: 'Su opinión nos importa.',
  button: 'Empezar la encuesta',
}
const reminder = {
  ...common,
  preheader: 'Todavía está a tiempo de darnos su opinión.',
  heading: 'Nos gustaría seguir contando con su opinión',
  button: 'Responder a la encuesta',
}
const notYet =
  'Todavía no hemos recibido su respuesta y aún está a tiempo de participar. Si ya ha ' +
  'respondido, se lo agradecemos; en ese caso, no tenga en cuenta este correo.'
const aspects =
  'las entregas, la exactitud de los pedidos, las condiciones comerciales y la atención'

const trade = (partner: 'mayorista' | 'minorista') => ({
  invitation: template({
    ...invitation,
    subject:
      '¿Qué tal es nuestro servicio de suministro? Una encuesta de {minutes} minutos de {organisation}',
    heading: '¿Qué tal es nuestro servicio de suministro?',
    body:
      `Como socio ${partner} de {organisation}, conoce de cerca nuestro servicio de ` +
      `suministro. Nos gustaría saber cuál es su grado de satisfacción con él: ${aspects}.`,
    why: `Recibe este correo porque su empresa es socia ${partner} de {organisation}.`,
  }),
  reminder: template({
    ...reminder,
    subject: 'Recordatorio: su opinión sobre el servicio de suministro de {organisation}',
    body: `Hace poco le preguntamos cuál es su grado de satisfacción con el servicio de suministro de {organisation}: ${aspects}.\n\n${notYet}`,
    why: `Recibe este correo porque su empresa es socia ${partner} de {organisation}.`,
  }),
  acknowledgement: template({
    subject: 'Gracias por su opinión sobre nuestro servicio de suministro',
    greeting: 'Estimado/a {name}:',
    greetingNoName: 'Buenos días:',
    body: 'Gracias por valorar nuestro servicio de suministro. En aquello en lo que no hemos estado a la altura, su gestor de cuenta se pondrá en contacto con usted en breve para acordar qué debemos cambiar.\n\nAtentamente,\n{organisation}',
  }),
  // No owner to promise: thanks, and nothing anyone would have to keep.
  thanks: template({
    subject: 'Gracias por su opinión sobre nuestro servicio de suministro',
    greeting: 'Estimado/a {name}:',
    greetingNoName: 'Buenos días:',
    body: 'Gracias por valorar nuestro servicio de suministro. En aquello en lo que no hemos estado a la altura, sus respuestas llegan a las personas que deciden qué debemos cambiar.\n\nAtentamente,\n{organisation}',
  }),
  alert,
})

const alert = template({
  subject: 'Seguimiento: {contact} ({wave})',
  body: '{contact} ha dado una puntuación baja en {wave}. Póngase en contacto con esta persona y anote lo que ha hecho.',
  button: 'Abrir el seguimiento',
})

// Once a day, all of an owner's new alerts in one email (the programme's or the owner's choice).
const digest = template({
  subject: 'Sus seguimientos del {date}: {count} por atender',
  body: 'Desde su último resumen, estas personas han dado una puntuación baja. Póngase en contacto con cada una de ellas y anote lo que ha hecho.',
  button: 'Abrir sus seguimientos',
})

export const es: LanguagePack = {
  chrome: {
    anonymous: 'Sus respuestas son anónimas.',
    anonymityPromise:
      'Nunca se vinculan a su nombre ni a su dirección de correo electrónico, y los resultados ' +
      'solo se muestran para grupos de al menos cinco personas.',
    anonymousShort: 'Encuesta anónima.',
    linkFallback: 'Si el botón no funciona, copie este enlace en su navegador:',
    surveyLabel: 'Encuesta:',
    unsubscribeText: 'Si no desea recibir más correos como este, puede darse de baja aquí:',
    unsubscribeHtml: '¿Prefiere no recibir estos correos?',
    unsubscribe: 'Darse de baja',
    respondent: 'Una persona encuestada',
    colon: ':',
    reasons: {
      comment: 'Ha dejado un comentario',
      overall: 'Satisfacción general',
      rebuy: 'Intención de volver a comprar',
      score: '{label}: {value} de 5',
    },
  },
  templates: {
    customer: {
      invitation: template({
        ...invitation,
        subject: '¿Cómo lo estamos haciendo? Una encuesta de {minutes} minutos de {organisation}',
        heading: '¿Cómo lo estamos haciendo?',
        body:
          'Nos gustaría saber cuál es su grado de satisfacción con los productos y el servicio ' +
          'de {organisation}. Sus respuestas nos muestran qué hacemos bien y qué debemos mejorar.',
        why: 'Recibe este correo porque es cliente de {organisation}.',
      }),
      reminder: template({
        ...reminder,
        subject: 'Recordatorio: su opinión sobre el servicio de {organisation}',
        body: `Hace poco le preguntamos cuál es su grado de satisfacción con los productos y el servicio de {organisation}.\n\n${notYet}`,
        why: 'Recibe este correo porque es cliente de {organisation}.',
      }),
      acknowledgement: template({
        subject: 'Gracias por contárnoslo: ya nos estamos ocupando',
        greeting: 'Estimado/a {name}:',
        greetingNoName: 'Buenos días:',
        body: 'Gracias por responder a nuestra encuesta. Nos ha indicado que no hemos estado a la altura, y nos lo tomamos muy en serio: una persona de nuestro equipo se pondrá en contacto con usted en breve para solucionarlo.\n\nAtentamente,\n{organisation}',
      }),
      thanks: template({
        subject: 'Gracias por su opinión',
        greeting: 'Estimado/a {name}:',
        greetingNoName: 'Buenos días:',
        body: 'Gracias por responder a nuestra encuesta. Nos ha indicado en qué no hemos estado a la altura, y eso es justo lo que necesitamos saber: sus respuestas llegan a las personas que deciden qué mejoramos.\n\nAtentamente,\n{organisation}',
      }),
      alert,
      digest,
    },
    wholesaler: trade('mayorista'),
    retailer: trade('minorista'),
    employee: {
      invitation: template({
        ...invitation,
        subject: '¿Cómo nos ven los clientes? Una encuesta anónima al personal ({minutes} minutos)',
        heading: '¿Cómo nos ven nuestros clientes?',
        body:
          'Estamos preguntando a todas las personas de {organisation} cómo creen que nuestros ' +
          'clientes valoran la empresa: nuestros productos, el servicio, las entregas y la ' +
          'atención. Comparar su punto de vista con lo que nos dicen los clientes muestra en ' +
          'qué nos vemos de forma distinta.',
        why: 'Recibe este correo porque trabaja en {organisation}.',
      }),
      reminder: template({
        ...reminder,
        subject: 'Recordatorio: la encuesta anónima al personal sobre cómo nos ven los clientes',
        body: `Hace poco le invitamos a participar en nuestra encuesta al personal sobre cómo cree que los clientes valoran {organisation}.\n\n${notYet}`,
        why: 'Recibe este correo porque trabaja en {organisation}.',
      }),
    },
  },
}

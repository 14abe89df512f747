// The Content-Security-Policy allows inline <style> only with the page's nonce. SurveyJS (its
// theme variables) and survey-core create <style> elements at run time; only scripts the
// policy already let run can create elements, so giving those the nonce opens nothing to
// injected markup. The nonce comes from this page's own script tag (the server writes it).
// Import this module first in an entry, before anything that may create a style element.
const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce
if (nonce) {
  const create = Document.prototype.createElement
  Document.prototype.createElement = function (
    this: Document,
    ...args: [string, ElementCreationOptions?]
  ) {
    const element = create.apply(this, args)
    if (element.localName === 'style') element.setAttribute('nonce', nonce)
    return element
  } as typeof create
}
export {}

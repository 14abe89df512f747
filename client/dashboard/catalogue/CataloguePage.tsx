/** The attribute catalogue and the questionnaire builder: filled in by the catalogue work. */
export default function CataloguePage() {
  return <p>The attribute catalogue is on its way.</p>
}

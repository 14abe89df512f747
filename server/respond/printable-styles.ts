/** The printable questionnaire's one stylesheet: A4 pages, tick boxes, grids, the footer. */
export function printableStyles(keying: string): string {
  return styles(cssString(keying)) + gridSizes
}

/** A CSS string literal of any text: everything but plain characters escaped as code points. */
function cssString(text: string): string {
  return `"${text.replace(/[^\w .-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`
}

const styles = (footer: string) => `
@page { size: A4; margin: 15mm; @bottom-right { content: ${footer} " · page " counter(page) " of " counter(pages); font: 7pt system-ui, sans-serif; } }
* { box-sizing: border-box; }
body { margin: 0; background: #e9ecef; color: #000; font: 11pt/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
.toolbar { max-width: 800px; margin: 0 auto; padding: 16px 0 0; text-align: right; }
.toolbar button { font: inherit; padding: 6px 20px; border: 1px solid #333; border-radius: 4px; background: #fff; cursor: pointer; }
main { max-width: 800px; margin: 12px auto 32px; padding: 40px 48px; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2); }
header { border-bottom: 0.4mm solid #000; padding-bottom: 4mm; margin-bottom: 6mm; }
.top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 6mm; font-size: 9.5pt; }
.letterhead { display: inline-flex; align-items: center; gap: 3mm; font-weight: 600; }
.letterhead img { height: 9mm; width: auto; max-width: 45mm; }
.reference { margin-left: auto; white-space: nowrap; }
.reference span { display: inline-block; width: 42mm; border-bottom: 0.25mm solid #000; }
h1 { font-size: 18pt; line-height: 1.2; margin: 4mm 0 2mm; }
h2 { font-size: 13pt; margin: 0 0 1mm; }
h3 { display: flex; gap: 2.5mm; font-size: 11pt; margin: 0 0 1.5mm; }
h1, h2, h3, p, th { white-space: pre-line; }
p { margin: 0 0 1.5mm; }
.instructions { margin-top: 3mm; }
.section { margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 0.25mm solid #000; break-after: avoid; }
.section.panel { border-bottom: none; margin-top: 5mm; }
.section.panel h2 { font-size: 11.5pt; }
.question { margin: 0 0 7mm; padding-left: 8.5mm; break-inside: avoid; }
/* a long grid may run over a page: its thead repeats, and a row never splits */
.question.long { break-inside: auto; }
.question h3 { margin-left: -8.5mm; break-after: avoid; }
.number { flex: none; min-width: 6mm; }
.description, .hint, .condition { font-size: 9.5pt; }
.condition { font-style: italic; font-weight: 600; }
.box { display: inline-block; flex: none; width: 5mm; height: 5mm; border: 0.3mm solid #000; vertical-align: middle; background: #fff; }
.box svg { display: block; width: 100%; height: 100%; }
.scale { display: inline-grid; grid-template-columns: repeat(var(--n), 14mm); justify-items: center; row-gap: 1mm; margin-top: 1mm; }
.scale.worded { grid-template-columns: repeat(var(--n), 22mm); }
.value { font-size: 9.5pt; text-align: center; line-height: 1.15; align-self: end; }
.end { justify-self: start; font-size: 8.5pt; line-height: 1.2; max-width: 100%; }
.end.max { justify-self: end; text-align: right; }
.choices { list-style: none; padding: 0; margin-top: 1mm; margin-bottom: 0; }
.choices.columns { columns: 2; column-gap: 8mm; }
.choices li { display: flex; align-items: center; gap: 2.5mm; margin-bottom: 1.8mm; break-inside: avoid; }
.write-in { flex: 1; min-width: 30mm; align-self: flex-end; border-bottom: 0.25mm solid #000; }
.lines span { display: block; height: 8mm; border-bottom: 0.25mm solid #000; }
.matrix { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 1mm; }
.matrix th, .matrix td { border: 0.2mm solid #000; padding: 1.2mm 1.5mm; }
.matrix thead th { width: 12%; font-size: 8pt; font-weight: 600; line-height: 1.2; text-align: center; vertical-align: bottom; }
.matrix thead th.hint { width: auto; text-align: left; font-weight: normal; font-style: italic; }
.matrix tbody th { font-weight: normal; text-align: left; font-size: 10pt; line-height: 1.25; }
.matrix td { text-align: center; white-space: nowrap; }
.matrix tr { break-inside: avoid; }
.letter { display: inline-block; min-width: 4.5mm; }
.code { display: inline-block; width: 0; font-size: 6.5pt; margin-left: 0.8mm; vertical-align: top; }
.note { margin: 0 0 4mm 8.5mm; padding: 1mm 3mm; border-left: 0.6mm solid #000; font-size: 9.5pt; break-inside: avoid; break-after: avoid; }
.note ul { margin: 0.5mm 0 0; padding-left: 5mm; }
.note li { margin-bottom: 0.5mm; }
.closing { margin-top: 8mm; font-weight: 600; }
footer { margin-top: 6mm; font-size: 7.5pt; }
/* in print the id sits in the page footer (@page) and, for browsers without margin boxes, here */
.keying { display: none; font-size: 7.5pt; }
@media (max-width: 640px) {
  .toolbar { padding: 8px 12px 0; }
  main { margin: 8px 0 0; padding: 20px 16px; box-shadow: none; }
  .question { padding-left: 0; }
  .question h3 { margin-left: 0; }
  .note { margin-left: 0; }
  /* on a phone the grid becomes one block per row: its label, then a line of boxes */
  .matrix, .matrix thead, .matrix tbody { display: block; }
  .matrix tr { display: grid; grid-template-columns: repeat(var(--columns), minmax(0, 1fr)); }
  .matrix th, .matrix td { width: auto !important; border: none; padding: 1mm 0.5mm; }
  .matrix th.hint, .matrix tbody th { grid-column: 1 / -1; }
  .matrix thead th { font-size: 7pt; overflow-wrap: break-word; hyphens: auto; }
  .matrix tbody tr { border-top: 0.2mm solid #000; }
  .scale { grid-template-columns: repeat(var(--n), minmax(0, 14mm)); }
  .scale.worded { grid-template-columns: repeat(var(--n), minmax(0, 22mm)); }
}
@media print {
  body { background: none; }
  .toolbar, footer { display: none; }
  .keying { display: inline; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
}`

// Scale widths and label spans as classes, not style attributes, which the page's
// Content-Security-Policy refuses; 30 covers any rating scale or matrix worth printing.
const gridSizes = Array.from({ length: 30 }, (_, i) => i + 1)
  .map(
    (k) =>
      `.n-${k}{--n:${k}}.columns-${k}{--columns:${k}}.from-${k}{grid-column-start:${k}}.span-${k}{grid-column-end:span ${k}}`,
  )
  .join('')

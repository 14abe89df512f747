/** `2026 Q4 customers` → `2026-q4-customers-report.csv`: a header-safe file name. */
export function csvFileName(waveName: string, what: string) {
  const slug = waveName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'wave'}-${what}.csv`
}

/** Headers of a CSV download that no cache keeps. */
export const csvHeaders = (fileName: string) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': `attachment; filename="${fileName}"`,
  'Cache-Control': 'no-store',
})

const labels: Record<string, string> = {
  de: 'Sprache',
  es: 'Idioma',
  fr: 'Langue',
  it: 'Lingua',
  nl: 'Taal',
  pl: 'Język',
  pt: 'Idioma',
  sv: 'Språk',
}

/** The survey's languages, each named in itself ("Deutsch", "Français"). */
export function LanguageSwitch(props: {
  languages: readonly string[]
  value: string
  onChange: (language: string) => void
}) {
  const label = labels[props.value.split('-')[0]!.toLowerCase()] ?? 'Language'
  return (
    <div className="respond-language">
      <label htmlFor="respond-language">{label}</label>
      <select
        id="respond-language"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {nameOf(code)}
          </option>
        ))}
      </select>
    </div>
  )
}

function nameOf(code: string) {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1)
  } catch {
    return code
  }
}

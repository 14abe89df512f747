/** What a contact file must look like: the columns `server/distribution/contacts-import.ts` reads. */
export function ContactFormat({ audience }: { audience: string }) {
  return (
    <section className="contact-format" aria-labelledby="contact-format-title">
      <h3 id="contact-format-title">The file</h3>
      <p>
        A CSV file whose first row names the columns, comma- or semicolon-separated, UTF-8. Every
        row is checked first: if one is wrong, nothing is imported and the rows at fault are listed.
        A contact already in the wave is updated, never added twice.
      </p>
      <pre className="contact-format__sample">
        <code>
          email,name,audience,owner,region{'\n'}
          ana@example.com,Ana Silva,{audience},sam@acme.example,North
        </code>
      </pre>
      <dl className="contact-format__columns">
        <dt>email</dt>
        <dd>required, one row per address</dd>
        <dt>name</dt>
        <dd>optional, used in the greeting</dd>
        <dt>audience</dt>
        <dd>optional; when given it must be “{audience}”, this wave’s audience</dd>
        <dt>owner</dt>
        <dd>optional, the account owner’s email, alerted to low scores</dd>
        <dt>any other column</dt>
        <dd>a segment for the reports (region, product line…): letters, digits, spaces, _ . -</dd>
      </dl>
    </section>
  )
}

/**
 * The From header and the organisation named in messages, from MAIL_FROM as `Name <address>`
 * or a bare address; by default `CSI Toolkit <surveys@<PUBLIC_URL host>>`. Both runtimes.
 */
export function senderOf(mailFrom: string | undefined, publicUrl: string) {
  const from = mailFrom ?? `CSI Toolkit <surveys@${new URL(publicUrl).hostname}>`
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)
  if (named)
    return {
      from: named[1] ? `"${named[1]}" <${named[2]}>` : named[2]!,
      organisation: named[1] || 'CSI Toolkit',
    }
  return { from: from.trim(), organisation: 'CSI Toolkit' }
}

/** "1 invitation", "3 invitations": counts in words, English plurals by -s. */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

// How an edit is named in the history ("Undo delete tag “Visas”"): short, with the user's own words quoted.
export function quoted(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}”`;
}

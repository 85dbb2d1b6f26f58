/** The note that names the final base and why it was chosen; review screens list it with the base instead. */
export function finalBaseNote(reason: string): string {
  return `final base: ${reason}`;
}

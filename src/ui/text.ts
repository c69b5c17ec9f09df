/** A title and its body as one message ("That answer doesn't match. Check it…"), without doubling punctuation. */
export function titleAndBody(title: string, body: string): string {
  return /[.?!…:]$/.test(title.trim()) ? `${title} ${body}` : `${title}. ${body}`;
}

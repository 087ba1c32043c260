/** Shortens a long identifier (a KMS ARN, a post-quantum age recipient) for a one-line message, keeping both ends. */
export function abbreviate(text: string, max = 72): string {
  return text.length <= max ? text : `${text.slice(0, 40)}…${text.slice(-12)}`;
}

// The one XML escaper: character data (& < >) and, for attribute values and anywhere else, quotes as well.

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ALL: Record<string, string> = { ...TEXT, '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML or HTML character data (& < >; quotes are left as they are). */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => TEXT[c] ?? c);
}

/** Escapes text for XML character data or an attribute value (& < > " '). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ALL[c] ?? c);
}

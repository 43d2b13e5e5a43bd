// Discord's message and interaction limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
// Lengths are counted in UTF-16 code units here (String#length), which is never less than Discord's character
// count, so text cut to these limits is always accepted.

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name over all embeds of a message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  filesPerMessage: 10,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Time Discord allows before the first interaction response. */
  interactionResponseMs: 3000,
} as const;

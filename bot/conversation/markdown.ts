// Trainee text shown in cards and messages is data, not formatting: Teams and
// Web Chat render markdown in TextBlocks and message text, so a reply such as
// "[click](http://…)" or "![x](…)" would become a link or an image. Escaping
// the markdown characters with backslashes makes them show as typed.
const MARKDOWN = /[\\`*_[\]()<>#!|~]/g;

export function plainText(text: string): string {
  return text.replace(MARKDOWN, (ch) => `\\${ch}`);
}

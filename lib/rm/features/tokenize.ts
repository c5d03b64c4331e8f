// Tokenization shared by every featurizer version that says `normalization: "nfkc-lower"`.

// A token is a run of letters, combining marks, digits and underscores (a word, in any script), or one
// other non-space character (punctuation, symbols, emoji), so "!!!" and code operators still count.
const TOKEN = /[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;
const WORD_START = /^[\p{L}\p{M}\p{N}_]/u;

export type Tokens = { tokens: string[]; isWord: boolean[] };

/** NFKC-normalizes and lowercases, so full-width letters, ligatures and case variants share features. */
export function tokenize(text: string, maxChars: number): Tokens {
  const clipped = text.length > maxChars ? text.slice(0, maxChars) : text;
  const tokens = clipped.normalize("NFKC").toLowerCase().match(TOKEN) ?? [];
  return { tokens, isWord: tokens.map((t) => WORD_START.test(t)) };
}

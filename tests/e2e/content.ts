import type { PairContent } from "./fixtures";

/** A realistic first pair: what the compare screen looks like in the README screenshot. */
export const PALINDROME_PAIR: PairContent = {
  prompt:
    "Write a Python function that checks whether a string is a palindrome, ignoring case, spaces and punctuation. Keep it short and explain the idea in one or two sentences.",
  a: [
    "Normalize the string first, then compare it with its reverse:",
    "",
    "```python",
    "import re",
    "",
    "def is_palindrome(text: str) -> bool:",
    '    """True if text reads the same backwards, ignoring case and punctuation."""',
    '    cleaned = re.sub(r"[^a-z0-9]", "", text.lower())',
    "    return cleaned == cleaned[::-1]",
    "```",
    "",
    '`re.sub` drops everything that is not a letter or digit, so `"A man, a plan, a canal: Panama"` becomes',
    "`amanaplanacanalpanama`, which equals its reverse.",
    "",
    "- Runs in **O(n)** time and O(n) extra space.",
    "- Works for any Unicode string, though only ASCII letters and digits are kept.",
  ].join("\n"),
  b: [
    "Here is a two-pointer version that avoids building a reversed copy:",
    "",
    "```python",
    "def is_palindrome(s):",
    "    i, j = 0, len(s) - 1",
    "    while i < j:",
    "        if not s[i].isalnum():",
    "            i += 1",
    "        elif not s[j].isalnum():",
    "            j -= 1",
    "        elif s[i].lower() != s[j].lower():",
    "            return False",
    "        else:",
    "            i, j = i + 1, j - 1",
    "    return True",
    "```",
    "",
    "The two indexes walk towards each other and skip anything that is not alphanumeric. It uses O(1) extra",
    "memory, which matters for very long inputs.",
    "",
    "> Tip: `is_palindrome(\"No 'x' in Nixon\")` returns `True`.",
  ].join("\n"),
};

/** Content that must stay inert: raw HTML, an event handler, a javascript: link. */
export const HOSTILE_PAIR: PairContent = {
  prompt: "Show me some HTML.",
  a: [
    "<script>window.__pwned=1</script>",
    "",
    'Inline image: <img src=x onerror="window.__pwned=1">',
    "",
    "[x](javascript:window.__pwned=1)",
  ].join("\n"),
  b: ["Safe code:", "", "```js", "const answer = 42;", "console.log(answer);", "```"].join("\n"),
};

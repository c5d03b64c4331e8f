"""Reference featurizer and scorer for Vibecheck reward models (hashed-text, version 1).

Computes the ONNX inputs of a downloaded reward model from text, exactly as Vibecheck does
(lib/rm/features/text.ts, tokenize.ts, hash.ts), with the standard library only; scoring also
needs onnxruntime (which brings numpy). The model card (GET .../models/<version>/card, also in the
.onnx metadata under "vibecheck.card") holds the featurizer spec and ten test vectors.

    python3 vibecheck_features.py check model.card.json       # reproduces the card's test vectors
    python3 vibecheck_features.py score model.onnx "prompt" "candidate 1" "candidate 2"
    echo '{"spec": {...}, "inputs": [{"prompt": "...", "text": "..."}]}' | python3 vibecheck_features.py featurize

Go board models (featurizer "go-planes") and sentence-encoder models are not covered here.
"""

import json
import math
import struct
import sys
import unicodedata

MASK = 0xFFFFFFFF
# JavaScript's \s: the characters that separate tokens without being one.
WHITESPACE = set("\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | {
    chr(c) for c in range(0x2000, 0x200B)
}
BEGIN_WORD = "\u0002"
END_WORD = "\u0003"
FAMILY = {"unigram": 1, "ngram": 2, "char": 3, "overlap": 4}
SCALAR_SLOTS = 6


def fmix32(h):
    """MurmurHash3's 32-bit finalizer."""
    h &= MASK
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & MASK
    h ^= h >> 16
    return h


def utf16_units(s):
    """The UTF-16 code units of s (JavaScript string indices), lone surrogates kept."""
    data = s.encode("utf-16-le", "surrogatepass")
    return struct.unpack("<%dH" % (len(data) // 2), data)


def hash_units(units, seed):
    """FNV-1a over UTF-16 code units starting from 0x811c9dc5 XOR seed, finished with fmix32."""
    h = (0x811C9DC5 ^ seed) & MASK
    for u in units:
        h ^= u
        h = (h * 0x01000193) & MASK
    return fmix32(h)


def hash_string(s, seed):
    return hash_units(utf16_units(s), seed)


def hash_pair(a, b):
    """Order-sensitive combination of two 32-bit hashes."""
    return fmix32((((a ^ 0x9E3779B9) * 0x01000193) & MASK) ^ b)


def is_word_char(ch):
    return ch == "_" or unicodedata.category(ch)[0] in "LMN"


def clip(text, max_chars):
    """The first max_chars UTF-16 code units (JavaScript's slice), which may cut a surrogate pair."""
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) <= 2 * max_chars:
        return text
    return units[: 2 * max_chars].decode("utf-16-le", "surrogatepass")


def tokenize(text, max_chars):
    """Clip, NFKC-normalize, lowercase; then runs of letters/marks/numbers/_ are word tokens and
    every other non-whitespace code point is a token of its own. Returns (tokens, is_word)."""
    s = unicodedata.normalize("NFKC", clip(text, max_chars)).lower()
    tokens, is_word = [], []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if is_word_char(ch):
            j = i + 1
            while j < n and is_word_char(s[j]):
                j += 1
            tokens.append(s[i:j])
            is_word.append(True)
            i = j
        elif ch in WHITESPACE:
            i += 1
        else:
            tokens.append(ch)
            is_word.append(False)
            i += 1
    return tokens, is_word


def float32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def longest_run(tokens):
    best = run = 1
    for i in range(1, len(tokens)):
        run = run + 1 if tokens[i] == tokens[i - 1] else 1
        best = max(best, run)
    return best


def featurize(spec, text, prompt=None):
    """The sparse feature vector of one candidate: (indices, values), as the ONNX model reads them."""
    if spec.get("name") != "hashed-text" or spec.get("version") != 1:
        raise ValueError("this reference covers the hashed-text featurizer, version 1 (got %r)" % spec.get("name"))
    dims, reserved, seed = spec["dims"], spec["reservedSlots"], spec["hashSeed"]
    hashed_space = dims - reserved
    sums = {}

    def add(h, weight):
        slot = reserved + ((h & 0x7FFFFFFF) % hashed_space)
        sums[slot] = sums.get(slot, 0.0) + (-weight if h & 0x80000000 else weight)

    tokens, is_word = tokenize(text, spec["maxChars"])
    token_hashes = [hash_string(t, seed) for t in tokens]
    words_weight = spec["words"]["weight"]
    unigram_seed = hash_pair(seed, FAMILY["unigram"])
    for h in token_hashes:
        add(hash_pair(unigram_seed, h), words_weight)
    for n in range(2, spec["words"]["maxN"] + 1):
        ngram_seed = hash_pair(hash_pair(seed, FAMILY["ngram"]), n)
        for i in range(0, len(token_hashes) - n + 1):
            h = ngram_seed
            for j in range(n):
                h = hash_pair(h, token_hashes[i + j])
            add(h, words_weight)

    chars = spec["chars"]
    if chars["weight"] > 0:
        char_seed = hash_pair(seed, FAMILY["char"])
        for token, word in zip(tokens, is_word):
            if not word:
                continue
            padded = utf16_units(BEGIN_WORD + token + END_WORD)
            for n in range(chars["minN"], chars["maxN"] + 1):
                for s in range(0, len(padded) - n + 1):
                    add(hash_units(padded[s : s + n], char_seed), chars["weight"])

    words = list(dict.fromkeys(t for t, w in zip(tokens, is_word) if w))
    prompt_words = None
    if prompt is not None:
        prompt_tokens, prompt_is_word = tokenize(prompt, spec["maxChars"])
        prompt_words = {t for t, w in zip(prompt_tokens, prompt_is_word) if w}
    shared = 0
    if prompt_words is not None:
        overlap_seed = hash_pair(seed, FAMILY["overlap"])
        for word in words:
            if word not in prompt_words:
                continue
            shared += 1
            if spec["promptOverlap"]["weight"] > 0:
                add(hash_pair(overlap_seed, hash_string(word, seed)), spec["promptOverlap"]["weight"])

    scalars = [0.0] * reserved
    if spec["scalars"]:
        total = len(tokens)
        distinct = len(set(tokens))
        scalars[0] = math.log2(1 + total) / 10
        scalars[1] = 1 - distinct / total if total else 0.0
        scalars[2] = distinct / total if total else 0.0
        scalars[3] = math.log2(longest_run(tokens)) / 4
        if prompt_words is not None:
            scalars[4] = shared / len(words) if words else 0.0
            scalars[5] = shared / len(prompt_words) if prompt_words else 0.0

    slots = sorted(slot for slot, v in sums.items() if v != 0)
    squares = 0.0
    for slot in slots:
        squares += sums[slot] * sums[slot]
    scale = 1 / math.sqrt(squares) if squares > 0 else 0.0
    indices = [slot for slot, v in enumerate(scalars) if v != 0]
    values = [float32(v) for v in scalars if v != 0]
    indices += slots
    values += [float32(sums[slot] * scale) for slot in slots]
    return indices, values


def score(onnx_path, prompt, texts):
    """Rewards of candidate texts under a downloaded model (needs onnxruntime, which brings numpy)."""
    import numpy as np
    import onnxruntime as ort

    session = ort.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
    spec = json.loads(session.get_modelmeta().custom_metadata_map["vibecheck.featurizer"])
    vectors = [featurize(spec, text, prompt) for text in texts]
    k = max([1] + [len(indices) for indices, _ in vectors])
    indices = np.zeros((len(texts), k), dtype=np.int64)  # padding: index 0 with value 0
    values = np.zeros((len(texts), k), dtype=np.float32)
    for row, (ix, vs) in enumerate(vectors):
        indices[row, : len(ix)] = ix
        values[row, : len(vs)] = vs
    (rewards,) = session.run(["reward"], {"indices": indices, "values": values})
    return [float(r) for r in rewards]


def check(card):
    """Featurizes the card's test vectors and compares: the number of mismatches (0 = reproduced)."""
    spec = card["featurizer"]
    mismatches = 0
    for n, vector in enumerate(card["reproduce"]["testVectors"]):
        indices, values = featurize(spec, vector["text"], vector.get("prompt"))
        same = indices == vector["indices"] and all(
            abs(a - b) <= 1e-6 * max(1.0, abs(b)) for a, b in zip(values, vector["values"])
        )
        if not same:
            mismatches += 1
            print("test vector %d differs: %r" % (n, vector["text"][:60]), file=sys.stderr)
    return mismatches


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        with open(argv[1], encoding="utf-8") as f:
            card = json.load(f)
        mismatches = check(card)
        count = len(card["reproduce"]["testVectors"])
        print("%d of %d test vectors reproduced" % (count - mismatches, count))
        return 1 if mismatches else 0
    if argv[:1] == ["featurize"]:
        request = json.load(sys.stdin)
        vectors = [featurize(request["spec"], i["text"], i.get("prompt")) for i in request["inputs"]]
        json.dump({"vectors": [{"indices": ix, "values": vs} for ix, vs in vectors]}, sys.stdout)
        return 0
    if len(argv) >= 4 and argv[0] == "score":
        for reward in score(argv[1], argv[2], argv[3:]):
            print(reward)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

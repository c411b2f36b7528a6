"""What the word2vec tests and benchmark give gensim: genlab's tokeniser written again in Python
(core/text/tokenizer.h), the fortunes corpus, and WordNet's synonym pairs."""
import glob
import os
import string

PUNCTUATION = string.punctuation.encode()
FORTUNES = "/usr/share/games/fortunes"
LICENSES = "/usr/share/common-licenses"
WORDNET = "/usr/share/wordnet"


def tokenise(path):
    """Sentences (lists of words) of a UTF-8 file, as genlab's tokeniser makes them: one per
    non-empty line, split on ASCII whitespace, ASCII lower-cased, ASCII punctuation stripped
    from both ends of each word."""
    sentences = []
    with open(path, "rb") as f:
        for line in f.read().split(b"\n"):
            words = [w.lower().strip(PUNCTUATION) for w in line.split()]
            words = [w.decode("utf-8") for w in words if w]
            if words:
                sentences.append(words)
    return sentences


def write_corpus(path):
    """Writes the fortunes (every text file of fortunes and fortunes-min; the .dat indexes and
    the .u8 links to the same files left out) into `path`, or the common licenses where fortunes
    is not installed. Returns a short name of what was written."""
    files = sorted(f for f in glob.glob(FORTUNES + "/*")
                   if os.path.isfile(f) and not f.endswith((".dat", ".u8")))
    name = "fortunes"
    if not files:
        files = sorted(f for f in glob.glob(LICENSES + "/*") if os.path.isfile(f))
        name = "common-licenses"
    with open(path, "wb") as out:
        for f in files:
            with open(f, "rb") as src:
                data = src.read()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            out.write(data)
            if not data.endswith(b"\n"):
                out.write(b"\n")
    return name


def synonym_pairs(vocabulary):
    """Pairs of distinct one-word lemmas of the same WordNet synset (nouns, verbs, adjectives,
    adverbs), both in `vocabulary`, each pair once. Empty when wordnet-base is missing."""
    pairs = set()
    for part in ("noun", "verb", "adj", "adv"):
        path = f"{WORDNET}/data.{part}"
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # the licence header
                fields = line.split()
                count = int(fields[3], 16)
                lemmas = []
                for k in range(count):
                    word = fields[4 + 2 * k].lower()
                    word = word.split("(")[0]  # adjective markers: "big(a)"
                    if "_" not in word and word in vocabulary:
                        lemmas.append(word)
                for i in range(len(lemmas)):
                    for j in range(i + 1, len(lemmas)):
                        if lemmas[i] != lemmas[j]:
                            pairs.add(tuple(sorted((lemmas[i], lemmas[j]))))
    return sorted(pairs)

"""Search probes taken from the corpus itself, so the mix means the same at any size.

Six kinds, a few queries each, chosen with a fixed seed from the pages' text (front matter and
link targets left out, as the index sees them):
  common   words found in a large share of the pages (long posting lists)
  medium   words in about 0.5-3 % of the pages
  rare     words in 1-5 pages
  two      two medium words that occur together in one page
  phrase   two or three consecutive words of one page, in quotes
  typo     a medium or common word with two letters swapped or one dropped (not itself a word)
Standard library only.
"""
import os
import random
import re

WORD = re.compile(r"[a-z]{4,}")
TOKEN = re.compile(r"[A-Za-z]+")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
# Lucene's English stop words (EnglishAnalyzer), so no probe is a word the index drops.
STOP = set("""a an and are as at be but by for if in into is it no not of on or such that the their
then there these they this to was will with""".split())


def page_body(text):
    """The text the index sees: no YAML front matter, no link targets."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            text = text[end + 4:]
    return LINK_TARGET.sub("]", text)


def read_pages(corpus_dir, ext="md"):
    pages = {}
    for root, dirs, files in os.walk(corpus_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith("." + ext):
                full = os.path.join(root, name)
                rel = os.path.relpath(full, corpus_dir)[: -len(ext) - 1]
                with open(full, encoding="utf-8", errors="replace") as f:
                    pages[rel.replace(os.sep, "/")] = page_body(f.read())
    return pages


def _typo(word, rng, vocabulary):
    for _ in range(20):
        i = rng.randrange(1, len(word) - 2)
        if rng.random() < 0.5:
            t = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        else:
            t = word[:i] + word[i + 1:]
        if t != word and t not in vocabulary:
            return t
    return None


def probe_queries(pages, per_kind=8, seed=7):
    """A list of (kind, query, pages_containing_hint) tuples."""
    rng = random.Random(seed)
    n = len(pages)
    df = {}
    words_of = {}
    for path, body in pages.items():
        ws = set(WORD.findall(body.lower())) - STOP
        words_of[path] = ws
        for w in ws:
            df[w] = df.get(w, 0) + 1
    vocabulary = set(df)
    by_df = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))
    common = [w for w, c in by_df[:60] if c >= 0.2 * n]
    lo, hi = max(2, int(0.005 * n)), max(3, int(0.03 * n))
    medium = sorted(w for w, c in df.items() if lo <= c <= hi)
    rare = sorted(w for w, c in df.items() if 1 <= c <= 5 and len(w) >= 6)
    out = []

    def pick(kind, pool):
        pool = list(pool)
        rng.shuffle(pool)
        for w in pool[:per_kind]:
            out.append((kind, w, df[w]))

    pick("common", common)
    pick("medium", medium)
    pick("rare", rare)
    paths = sorted(pages)
    medium_set = set(medium)
    made, tries = 0, 0
    while made < per_kind and tries < 1000:
        tries += 1
        p = rng.choice(paths)
        mids = sorted(words_of[p] & medium_set)
        if len(mids) >= 2:
            a, b = rng.sample(mids, 2)
            out.append(("two", a + " " + b, None))
            made += 1
    made, tries = 0, 0
    while made < per_kind and tries < 1000:
        tries += 1
        p = rng.choice(paths)
        sentences = [s for s in re.split(r"[.!?\n]", pages[p]) if len(TOKEN.findall(s)) >= 6]
        if not sentences:
            continue
        words = TOKEN.findall(rng.choice(sentences))
        k = rng.choice((2, 3))
        i = rng.randrange(0, len(words) - k)
        phrase = " ".join(words[i:i + k]).lower()
        if all(w in STOP for w in phrase.split()):
            continue
        out.append(("phrase", '"' + phrase + '"', None))
        made += 1
    made = 0
    pool = [w for w in medium + common if len(w) >= 7]
    rng.shuffle(pool)
    for w in pool:
        if made >= per_kind:
            break
        t = _typo(w, rng, vocabulary)
        if t:
            out.append(("typo", t, None))
            made += 1
    return out, rare

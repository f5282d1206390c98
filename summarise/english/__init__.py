"""English without a model: pinyin romanisation and glossary-driven translation."""
from summarise.english.glossary import glossary, lookup, translate, translate_term, translate_title
from summarise.english.romanise import romanise, romanise_name

__all__ = ["romanise_name", "romanise", "translate_title", "translate_term", "translate", "glossary", "lookup"]

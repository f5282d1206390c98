"""English without a model: pinyin romanisation and glossary-driven translation."""
from summarise.english.glossary import glossary, lookup, lookup_noun, translate, translate_term, translate_title
from summarise.english.groups import translate_group
from summarise.english.headlines import translate_headline
from summarise.english.meetings import event_type, translate_event
from summarise.english.romanise import romanise, romanise_name
from summarise.english.venues import translate_venue

__all__ = [
    "event_type", "glossary", "lookup", "lookup_noun", "romanise", "romanise_name", "translate",
    "translate_event", "translate_group", "translate_headline", "translate_term", "translate_title", "translate_venue",
]

"""Extraction: `extract()` and `aextract()` (`record`), the LLM backend (`llm`), its endpoint clients
(`endpoint`), the answer cache (`cache`) and the in-process llama.cpp server (`local`).

The rule-based extractor is `summarise.offline`, a layer below: grounding uses its lexicons too.
`summarise.extract` is the function (the public API); this package stays importable by its modules' names.
"""

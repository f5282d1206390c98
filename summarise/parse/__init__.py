"""The shared parsers of figures (`numbers`) and dates (`dates`): normalise, the extractors, grounding and
the notes read quantities and dates with the same rules. They import nothing else of summarise."""

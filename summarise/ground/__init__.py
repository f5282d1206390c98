"""Grounding: each fact of an answer checked against its own evidence in the normalised text.

`grounder` locates quotes and runs the checks, `claims` checks people, points and events by their cues,
`freetext` the summaries and free text (zh/en), `lenient` drops fields that do not validate and reports them.
"""

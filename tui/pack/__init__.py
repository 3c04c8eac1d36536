"""The content pipeline, free of Textual and Rich: TOML files in, a checked `Pack` out.

files (list, read, decode) → parse → validate (spec, kinds) → references → build → model;
`load.load_pack` runs it, `cache` keeps its result, `problems` says what went wrong and where.
"""

"""Many documents: the batch runner behind `summarise run` (`runner`, the steps in `inputs`, `stories`,
`dispatch`, `document`, `manifest`, `atomic`, `outcome`, `reports`, `dry_run`), inputs found on disk
(`walk`), threads and worker processes (`workers`), copies of one story (`reposts`), Batch-API request
files and their ingest (`batch_files`), and the `summarise.db` store (`store`) with its export (`export`)."""

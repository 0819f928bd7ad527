"""Many articles at once: batch parsing (Dask), the corpus map, and accuracy evaluation on labelled corpora."""

"""English: vocabulary as data (figures.yaml, periods.yaml) and the grammar code data cannot express."""

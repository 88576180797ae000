"""One reader per format, each only turning a file into a Document."""

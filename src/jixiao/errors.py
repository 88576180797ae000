"""The one exception user input may cause: it carries a Chinese message naming the file."""


class InputError(Exception):
    """Bad input (missing file, malformed data, schema violation). Never a traceback."""

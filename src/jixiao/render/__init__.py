"""Outputs: terminal text now; .docx/.xlsx/.pdf/.html follow."""

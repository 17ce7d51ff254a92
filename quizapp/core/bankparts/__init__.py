"""The parts of the bank loader: safe YAML reading, locating problems, and checking each field.

`quizapp.core.bank` is the public face; these modules keep it small and are private to it.
"""

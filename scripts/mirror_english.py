"""Fill the English catalogs: the source strings are English, so msgstr repeats msgid."""

import sys

import polib

for path in sys.argv[1:]:
    po = polib.pofile(path)
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save(path)

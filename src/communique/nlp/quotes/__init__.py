"""Quotes: who said what, in whose words, through which channel.

The component splits the task the way reporters write quotes:

* :mod:`.marks` finds the quoted stretches of text (any marks, nested,
  run-on paragraphs, unbalanced marks cut at their paragraph);
* :mod:`.cues` holds the reporting words (``data/speech_verbs.csv``);
* :mod:`.reported` finds every cue with its subject and reported content;
* :mod:`.speakers` turns a subject into the words naming the speaker and the
  actor they name;
* :mod:`.attribution` decides which quotation is a quote and who said it;
* :mod:`.channels` reads the channel (``data/channels.csv``);
* :mod:`.component` writes ``doc._.quotes`` and converts it to records.

See ``docs/quotes.md`` for the rules and their limits.
"""

from communique.nlp.quotes.component import QuoteMention, find_quotes, quote_records

__all__ = ["QuoteMention", "find_quotes", "quote_records"]

"""Parsing a page into the lxml tree trafilatura extracts from.

trafilatura's ``load_html`` parses with ``lxml.html``'s parser, whose element
class lookup is a Python method: lxml calls it for every element proxy it makes,
about 6,000 times on a news page while trafilatura walks the tree (1-1.5 ms a
page). :func:`load_html` parses the same way with a C-level lookup that makes
every element a plain :class:`lxml.html.HtmlElement`. trafilatura, htmldate and
our readers use nothing of the special form-element classes the Python lookup
hands out, so the extracted text is the same (tests compare both parses).
"""
from __future__ import annotations

import logging

from lxml import etree
from lxml.html import (HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction,
                       HTMLParser, fromstring)
from trafilatura.utils import is_dubious_html, repair_faulty_html

LOG = logging.getLogger(__name__)


def make_parser() -> HTMLParser:
    """trafilatura's parser settings, with a C-level element class lookup."""
    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                        remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    return parser


PARSER = make_parser()


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=PARSER)
    except Exception as exc:  # lxml gave up on the bytes too: no tree, as trafilatura does
        LOG.warning("lxml could not parse the page's bytes: %s", exc)
        return None


def load_html(html: str) -> HtmlElement | None:
    """The page's tree, or None when it is not HTML at all.

    The steps of ``trafilatura.load_html`` for a decoded page: repair what
    libxml2 trips on, parse the string (its bytes when lxml refuses a string that
    declares an encoding, or when the string gave an empty tree), and refuse a
    page that names no ``html`` in its first 50 characters and parses to fewer
    than two children.
    """
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    tree: HtmlElement | None = None
    from_bytes = False
    try:
        tree = fromstring(html, parser=PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree, from_bytes = _from_bytes(html), True
    except Exception as exc:  # an lxml failure on the string: the bytes get their chance below
        LOG.warning("lxml could not parse the page: %s", exc)
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree
